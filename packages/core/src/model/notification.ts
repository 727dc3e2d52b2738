import type { MonitorEvent } from './events.js';

export const Severity = { info: 'info', success: 'success', warning: 'warning', error: 'error' } as const;
export type Severity = (typeof Severity)[keyof typeof Severity];

/**
 * A rendered event, ready for a sender. `text` is the formatter's output (Slack mrkdwn with
 * emoji by default, or the user's template), so user templates reach every channel; senders may
 * add structure from `event` (blocks, subject, attributes) but must escape every string in it.
 */
export interface Notification {
  /** The event's stable id: the dedup key for retries and replays. */
  id: string;
  event: MonitorEvent;
  text: string;
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
