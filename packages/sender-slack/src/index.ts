/**
 * @mona-ecs/sender-slack: Mona notifications in Slack, through an incoming webhook or a bot token
 * with one thread per deployment. The default export is the plugin the runner loads.
 */
import type { ValidateFunction } from 'ajv';
import { defineSender, type Sender, type SenderContext, type SenderPace } from '@mona-ecs/core';
import { createBotSender } from './createBotSender.js';
import { createWebhookSender } from './createWebhookSender.js';
import { isBotOptions, slackOptionsSchema, type SlackOptions } from './options.js';
import * as generated from './optionsValidator.generated.js';

/** `chat.postMessage`: about one message per second per channel (Slack's "special" rate limit). */
export const BOT_PACE: Readonly<SenderPace> = Object.freeze({ messagesPerSecond: 1, burst: 1 });

/**
 * Create a Slack sender from validated options: bot-token mode when `token` is set, else
 * incoming-webhook mode. Both declare Slack's pace (one message a second: `BOT_PACE`,
 * `WEBHOOK_PACE`), which the delivery queue keeps to.
 *
 * @example
 * const sender = createSlackSender({ webhookUrl: process.env.SLACK_WEBHOOK_URL! }, { logger, instanceName: 'slack' });
 */
export function createSlackSender(options: SlackOptions, context: SenderContext): Sender {
  return isBotOptions(options) ? Object.assign(createBotSender(options, context), { pace: BOT_PACE }) : createWebhookSender(options);
}

/**
 * The Slack sender plugin.
 *
 * @example
 * // mona.json: { "senders": [{ "plugin": "@mona-ecs/sender-slack", "options": { "webhookUrl": "${env:SLACK_WEBHOOK_URL}" } }] }
 * import slack from '@mona-ecs/sender-slack';
 * const sender = await slack.create({ token: 'xoxb-…', channel: 'C0123' }, { logger, instanceName: 'slack' });
 */
const slack = defineSender<SlackOptions>({
  name: 'slack',
  optionsSchema: slackOptionsSchema,
  // Precompiled: the host loads no ajv for this sender (optionsValidator.test.ts keeps it in step with the schema).
  validateOptions: generated.validate as unknown as ValidateFunction<SlackOptions>,
  create: createSlackSender,
});
export default slack;

export { buildSlackMessage, SEVERITY_COLOR } from './buildSlackMessage.js';
export type { BuildOptions, MrkdwnText, SlackAttachment, SlackBlock, SlackMessage } from './buildSlackMessage.js';
export { classifySlackError, classifyWebhookAnswer } from './classifySlackError.js';
export { createBotSender, THREAD_CAPACITY } from './createBotSender.js';
export { createWebhookSender, WEBHOOK_PACE } from './createWebhookSender.js';
export { SLACK_FAILURES, SlackErrorCode } from './errors.js';
export type { SlackFailure } from './errors.js';
export { isBotOptions, slackOptionsSchema } from './options.js';
export type { SlackBotOptions, SlackCommonOptions, SlackMentions, SlackOptions, SlackWebhookOptions } from './options.js';
