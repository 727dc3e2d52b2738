/**
 * What Slack can answer and what the user should do about it. Codes come from Slack itself:
 * the webhook's plain-text body (`no_service`) or the Web API's `error` field
 * (`channel_not_found`). Anything not listed falls back to the HTTP status.
 */
export interface SlackFailure {
  retryable: boolean;
  /** What to fix, written for the person reading the log. */
  hint: string;
}

const FORMAT = 'Slack rejected the message: check custom templates or formatter output (size, blocks).';
const TOKEN = 'the bot token is invalid, revoked or expired: set `token` to a valid xoxb- token.';
const TRANSIENT = 'Slack had a transient problem; the delivery queue retries.';

/**
 * Known Slack error codes, with whether a retry can help and how to fix them.
 *
 * @example
 * SLACK_FAILURES['channel_not_found']?.retryable; // false
 */
export const SLACK_FAILURES: Readonly<Record<string, SlackFailure>> = Object.freeze({
  invalid_payload: { retryable: false, hint: FORMAT },
  invalid_blocks: { retryable: false, hint: FORMAT },
  invalid_blocks_format: { retryable: false, hint: FORMAT },
  invalid_attachments: { retryable: false, hint: FORMAT },
  no_text: { retryable: false, hint: FORMAT },
  msg_too_long: { retryable: false, hint: FORMAT },
  too_many_attachments: { retryable: false, hint: FORMAT },
  channel_not_found: {
    retryable: false,
    hint: 'the channel does not exist or the app cannot see it: set `channel` to a channel ID the app can access (or recreate the webhook).',
  },
  not_in_channel: { retryable: false, hint: 'the app is not a member of the channel: invite it with /invite @your-app.' },
  is_archived: { retryable: false, hint: 'the channel is archived: unarchive it or choose another channel.' },
  channel_is_archived: { retryable: false, hint: 'the channel is archived: unarchive it or create a new webhook.' },
  invalid_token: { retryable: false, hint: TOKEN },
  invalid_auth: { retryable: false, hint: TOKEN },
  not_authed: { retryable: false, hint: TOKEN },
  token_revoked: { retryable: false, hint: TOKEN },
  token_expired: { retryable: false, hint: TOKEN },
  account_inactive: { retryable: false, hint: TOKEN },
  missing_scope: {
    retryable: false,
    hint: 'the token lacks a scope: add chat:write (and chat:write.customize for username/iconEmoji) and reinstall the app.',
  },
  no_service: { retryable: false, hint: 'the webhook was removed or disabled: create a new incoming webhook and update `webhookUrl`.' },
  no_service_id: { retryable: false, hint: 'the webhook URL is incomplete: copy the whole incoming webhook URL into `webhookUrl`.' },
  user_not_found: { retryable: false, hint: 'the webhook posts to a user that no longer exists: create a new webhook.' },
  no_team: { retryable: false, hint: 'the workspace of the webhook no longer exists: create a new webhook.' },
  team_disabled: { retryable: false, hint: 'the Slack workspace is disabled: create a webhook in an active workspace.' },
  action_prohibited: {
    retryable: false,
    hint: 'a workspace admin restricts posting to this channel: ask an admin or pick another channel.',
  },
  posting_to_general_channel_denied: { retryable: false, hint: 'only admins may post to this channel: pick another channel.' },
  restricted_action: {
    retryable: false,
    hint: 'a workspace admin restricts posting to this channel: ask an admin or pick another channel.',
  },
  ratelimited: { retryable: true, hint: 'Slack rate limit: the delivery queue retries after Retry-After.' },
  rate_limited: { retryable: true, hint: 'Slack rate limit: the delivery queue retries after Retry-After.' },
  internal_error: { retryable: true, hint: TRANSIENT },
  fatal_error: { retryable: true, hint: TRANSIENT },
  service_unavailable: { retryable: true, hint: TRANSIENT },
  request_timeout: { retryable: true, hint: TRANSIENT },
  rollup_error: { retryable: true, hint: TRANSIENT },
});

/** Stable `code`s of the `SenderError`s this package throws (listed in the README). */
export const SlackErrorCode = {
  /** Slack answered 429 or `ratelimited`. */
  RateLimited: 'SLACK_RATE_LIMITED',
  /** Slack answered 5xx or a transient error code. */
  Unavailable: 'SLACK_UNAVAILABLE',
  /** No answer: connection refused/reset, DNS, timeout or abort. */
  Network: 'SLACK_NETWORK',
  /** Slack refused the message for a reason a retry cannot fix. */
  Rejected: 'SLACK_REJECTED',
  /** `send()` after `close()`: the sender released its connections (a host bug, never retried). */
  Closed: 'SLACK_CLOSED',
} as const;
export type SlackErrorCode = (typeof SlackErrorCode)[keyof typeof SlackErrorCode];
