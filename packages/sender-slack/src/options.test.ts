import { validateSenderOptions } from '@mona-ecs/core/sender';
import { describe, expect, it } from 'vitest';
import slack from './index.js';
import { isBotOptions } from './options.js';

const WEBHOOK = 'https://hooks.slack.com/services/T000/B000/XXXX';

describe('slack options schema', () => {
  it('accepts webhook mode with its optional settings', () => {
    // Prepare
    const options = { webhookUrl: WEBHOOK, username: 'Mona', iconEmoji: ':rocket:', mentions: { error: '<!here>' } };

    // Act
    const valid = validateSenderOptions(slack, options);

    // Assess
    expect(valid).toEqual(options);
    expect(isBotOptions(valid)).toBe(false);
  });

  it('accepts bot mode with a custom API URL', () => {
    // Prepare
    const options = {
      token: 'xoxb-1',
      channel: 'C0123',
      slackApiUrl: 'http://127.0.0.1:9/api/',
      mentions: { warning: '<@U012AB3CD> <!subteam^S01|@devs>' },
    };

    // Act
    const valid = validateSenderOptions(slack, options);

    // Assess
    expect(isBotOptions(valid)).toBe(true);
  });

  it.each([
    ['both modes at once', { webhookUrl: WEBHOOK, token: 'xoxb-1', channel: 'C1' }, 'token'],
    ['bot mode without a channel', { token: 'xoxb-1' }, 'channel'],
    ['a webhook URL that is not http(s)', { webhookUrl: 'hooks.slack.com/services/x' }, 'webhookUrl'],
    ['a mention that is not a Slack mention token', { webhookUrl: WEBHOOK, mentions: { error: 'wake up everyone' } }, 'mentions/error'],
    ['a mention for an unknown severity', { webhookUrl: WEBHOOK, mentions: { fatal: '<!here>' } }, 'fatal'],
    ['slackApiUrl in webhook mode', { webhookUrl: WEBHOOK, slackApiUrl: 'https://x/api/' }, 'slackApiUrl'],
    ['no options at all', {}, 'webhookUrl'],
  ])('rejects %s', (_name, options, mentions) => {
    // Prepare, Act
    const validating = () => validateSenderOptions(slack, options);

    // Assess
    expect(validating).toThrow(expect.objectContaining({ code: 'MONA_OPTIONS_INVALID', message: expect.stringContaining(mentions) }));
  });
});
