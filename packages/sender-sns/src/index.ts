/**
 * @mona-ecs/sender-sns: publishes Mona notifications to an Amazon SNS topic (standard or FIFO), as
 * text, JSON, or AWS Chatbot custom notifications.
 */
import type { ValidateFunction } from 'ajv';
import { defineSender, type SenderPace } from '@mona-ecs/core';
import { createSnsSender } from './createSnsSender.js';
import { snsOptionsSchema, type SnsSenderOptions } from './options.js';
import * as generated from './optionsValidator.generated.js';

/**
 * The pace the delivery queue keeps to. SNS itself takes thousands of Publish calls a second;
 * what it delivers to (AWS Chatbot posting into Slack, email, SMS) does not, so Mona sends at
 * most 10 a second and groups a larger backlog. Override with the sender's `delivery.pace`.
 */
export const SNS_PACE: Readonly<SenderPace> = Object.freeze({ messagesPerSecond: 10, burst: 10 });

/**
 * The plugin the runner loads from `"plugin": "@mona-ecs/sender-sns"`.
 *
 * @example
 * { "plugin": "@mona-ecs/sender-sns", "options": { "topicArn": "arn:aws:sns:eu-west-1:123456789012:deploys" } }
 */
const snsSender = defineSender<SnsSenderOptions>({
  name: 'sns',
  optionsSchema: snsOptionsSchema,
  // Precompiled: the host loads no ajv for this sender (optionsValidator.test.ts keeps it in step with the schema).
  validateOptions: generated.validate as unknown as ValidateFunction<SnsSenderOptions>,
  create: (options) => Object.assign(createSnsSender(options), { pace: SNS_PACE }),
});
export default snsSender;

export { createSnsSender } from './createSnsSender.js';
export type { SnsSenderDeps } from './createSnsSender.js';
export { MessageFormat, snsOptionsSchema } from './options.js';
export type { SnsSenderOptions } from './options.js';
export { toPublishInput } from './publishInput.js';
export { toChatbotMessage } from './chatbotMessage.js';
export type { ChatbotMessage } from './chatbotMessage.js';
export { classifySnsError } from './classifySnsError.js';
export { toSnsSubject } from './subject.js';
export { toSnsId } from './snsId.js';
