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
}
