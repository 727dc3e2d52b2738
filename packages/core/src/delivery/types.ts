import type { Notification } from '../model/notification.js';

/** Outcome of one notification in a delivery queue, reported to hooks (metrics, logs). */
export type DeliveryOutcome = 'delivered' | 'dropped' | 'overflow';

export interface DeliveryHooks {
  /** After each final outcome; `latencyMs` is from enqueue to outcome, `attempts` ≥ 0. */
  onOutcome?(notification: Notification, outcome: DeliveryOutcome, info: { latencyMs: number; attempts: number; error?: unknown }): void;
  /** Before a retry is scheduled. */
  onRetry?(notification: Notification, info: { attempt: number; delayMs: number; error: unknown }): void;
}

/** Running totals of one queue, for metrics and tests. */
export interface DeliveryStats {
  delivered: number;
  dropped: number;
  overflow: number;
  /** Retries scheduled (attempts after the first). */
  retries: number;
  /** Times a notification that held the head of the queue was moved behind the others. */
  movedBehind: number;
  /** Notifications delivered as members of a grouped message (each also counts in `delivered`). */
  grouped: number;
}

/**
 * One sender's ordered queue. A slow or failing sender only ever delays its own queue.
 */
export interface DeliveryQueue {
  /** Queue a notification; returns false when it was refused by the overflow policy. Never throws. */
  enqueue(notification: Notification): boolean;
  /** Number of notifications waiting or in flight (a group's members each count). */
  readonly size: number;
  /** Totals since the queue was created (live object). */
  readonly stats: Readonly<DeliveryStats>;
  /** Resolve when the queue is empty (true) or `timeoutMs` passed (false); no new retries are waited for past the deadline. */
  drain(timeoutMs: number): Promise<boolean>;
  /** Stop processing and close the sender (idempotent). Pending notifications are logged as dropped. */
  close(): Promise<void>;
}
