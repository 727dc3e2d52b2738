import type { MonitorEvent } from './events.js';

export const Severity = { info: 'info', success: 'success', warning: 'warning', error: 'error' } as const;
export type Severity = (typeof Severity)[keyof typeof Severity];

/**
 * A rendered event, ready for a sender. The formatter's output (Slack mrkdwn with emoji by
 * default, or the user's template) comes in three forms, all derived by core, so user templates
 * reach every channel and no sender decodes another channel's markup:
 *
 * - `text`: Slack mrkdwn, values escaped for Slack (`&lt;!channel&gt;`), emoji as `:shortcodes:`;
 * - `plain`: plain Unicode text, emoji as characters, mentions and tags defused (`‹!channel>`, `@\u200Beveryone`);
 * - `markdown`: CommonMark, the same defusing plus Markdown escapes (`\[x\]\(…\)`), for Discord, Teams, Mattermost.
 *
 * Senders may add structure from `event` (blocks, subject, attributes) but must make every
 * string they take from it safe for their channel (core's `defuse`, then their own escaping).
 */
export interface Notification {
  /** The event's stable id: the dedup key for retries and replays. */
  id: string;
  event: MonitorEvent;
  /** Slack mrkdwn. */
  text: string;
  /** Plain text for channels without markup (SMS, SNS, PagerDuty, Opsgenie, email text). */
  plain: string;
  /** CommonMark for channels that render Markdown. */
  markdown: string;
  /** A short plain title, control characters removed; not escaped. */
  title: string;
  severity: Severity;
  /**
   * Set when the delivery queue grouped a backlog into this one message (see the core README,
   * "Storms"): its members, in order. `event` is then the first member's event (the group's
   * cluster and region are its own), `text` lists every member's text, and senders that
   * render event fields should render the group instead.
   */
  group?: NotificationGroup;
}

/** The members of a grouped notification, all of one kind and one cluster. */
export interface NotificationGroup {
  /** What the members have in common, e.g. `started`, `done`, `scaling`. */
  kind: string;
  members: readonly Notification[];
}
