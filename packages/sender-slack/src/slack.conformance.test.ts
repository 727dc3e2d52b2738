import { describe } from 'vitest';
import { senderConformance, type ChannelMode, type SenderHarness } from '@mona-ecs/core/testing';
import { FAKE_VARIANTS, FakeSlack, RETRY_AFTER_SECONDS } from './__fixtures__/fakeSlack.js';
import slack from './index.js';
import type { SlackOptions } from './options.js';

/** The same fake Slack drives both modes; only the options differ. */
function harness(
  fake: FakeSlack,
  options: () => SlackOptions,
  invalidOptions: SenderHarness<SlackOptions>['invalidOptions'],
): SenderHarness<SlackOptions> {
  return {
    setup: () => fake.listen(),
    teardown: () => fake.close(),
    reset: () => fake.reset(),
    validOptions: options,
    invalidOptions,
    respond: (mode: ChannelMode, variant?: string) => fake.answer(mode, variant),
    variants: FAKE_VARIANTS,
    delivered: () => fake.delivered(),
    markup: 'slack',
    retryAfterMs: RETRY_AFTER_SECONDS * 1000,
    secrets: ['T000/B000/XXXX'],
    // Slack cuts `text` past 40,000 characters and refuses a section past 3,000.
    textLimit: { max: 40_000, lengthOf: (body) => JSON.stringify(body).length },
  };
}

const webhook = new FakeSlack();
describe('incoming-webhook mode', () => {
  senderConformance(
    slack,
    harness(webhook, () => ({ webhookUrl: webhook.webhookUrl }), [
      { options: { webhookUrl: 42 }, mentions: 'webhookUrl' },
      { options: { webhookUrl: 'https://hooks.slack.com/services/T/B/X', mentions: { error: 'everyone!' } }, mentions: 'mentions/error' },
    ]),
  );
});

const bot = new FakeSlack();
describe('bot-token mode', () => {
  senderConformance(
    slack,
    harness(bot, () => ({ token: 'xoxb-test', channel: 'C0123', slackApiUrl: bot.apiUrl }), [
      { options: { token: 'xoxb-test' }, mentions: 'channel' },
      { options: { token: 'xoxb-test', channel: 'C0123', webhookUrl: 'https://hooks.slack.com/services/T/B/X' }, mentions: 'webhookUrl' },
    ]),
  );
});
