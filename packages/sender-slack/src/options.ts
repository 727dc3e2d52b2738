import type { SenderPlugin, Severity } from '@mona-ecs/core';

/**
 * Text prepended to a message per severity, e.g. `{ "error": "<!here>" }`. The only place a
 * ping is allowed, because the user wrote it; everything else is escaped.
 */
export type SlackMentions = Partial<Record<Severity, string>>;

/** Options both modes share. */
export interface SlackCommonOptions {
  /** Display name of the bot (bot mode needs the `chat:write.customize` scope; app webhooks ignore it). */
  username?: string;
  /** Emoji used as the avatar, e.g. `:rocket:` (same caveat as `username`). */
  iconEmoji?: string;
  mentions?: SlackMentions;
}

/** Incoming-webhook mode: one URL, one channel, no threads. */
export interface SlackWebhookOptions extends SlackCommonOptions {
  webhookUrl: string;
}

/** Bot-token mode: `chat.postMessage` with one thread per deployment. */
export interface SlackBotOptions extends SlackCommonOptions {
  /** Bot token (`xoxb-…`) with the `chat:write` scope. */
  token: string;
  /** Channel ID (`C…`) or name; an ID survives renames. */
  channel: string;
  /** Base URL of the Web API, for proxies and tests. Default `https://slack.com/api/`. */
  slackApiUrl?: string;
}

/**
 * Options of `@mona-ecs/sender-slack`: exactly one of the two modes.
 *
 * @example
 * const webhook: SlackOptions = { webhookUrl: 'https://hooks.slack.com/services/T/B/X' };
 * const bot: SlackOptions = { token: 'xoxb-…', channel: 'C0123', mentions: { error: '<!here>' } };
 */
export type SlackOptions = SlackWebhookOptions | SlackBotOptions;

/** True when the options select bot-token mode. */
export function isBotOptions(options: SlackOptions): options is SlackBotOptions {
  return 'token' in options;
}

type Schema = SenderPlugin<SlackOptions>['optionsSchema'];

// Mentions are Slack control sequences on purpose, so only mention tokens are accepted:
// `<!here>`, `<!channel>`, `<@U123>`, `<!subteam^S123>`, separated by spaces.
const MENTION_PATTERN = '^<[!@][A-Za-z0-9^|@._-]+>( <[!@][A-Za-z0-9^|@._-]+>)*$';
const mention = { type: 'string', pattern: MENTION_PATTERN, nullable: true } as const;
const HTTP_URL_PATTERN = '^https?://[^\\s]+$';

const common = {
  username: { type: 'string', minLength: 1, maxLength: 80, nullable: true },
  iconEmoji: { type: 'string', pattern: "^:[a-z0-9_+'-]+:$", nullable: true },
  mentions: {
    type: 'object',
    nullable: true,
    additionalProperties: false,
    required: [],
    properties: { info: mention, success: mention, warning: mention, error: mention },
  },
} as const;

/**
 * JSON Schema of {@link SlackOptions}: `oneOf` the two modes, unknown keys rejected, so a
 * config with both `webhookUrl` and `token` fails validation instead of silently picking one.
 *
 * @example
 * new Ajv().validate(slackOptionsSchema, { webhookUrl: 'https://hooks.slack.com/services/T/B/X' }); // true
 */
export const slackOptionsSchema: Schema = {
  oneOf: [
    {
      type: 'object',
      title: 'incoming webhook',
      additionalProperties: false,
      required: ['webhookUrl'],
      properties: { webhookUrl: { type: 'string', pattern: HTTP_URL_PATTERN }, ...common },
    },
    {
      type: 'object',
      title: 'bot token',
      additionalProperties: false,
      required: ['token', 'channel'],
      properties: {
        token: { type: 'string', minLength: 1 },
        channel: { type: 'string', minLength: 1 },
        slackApiUrl: { type: 'string', pattern: HTTP_URL_PATTERN, nullable: true },
        ...common,
      },
    },
  ],
};
