import { MonaError } from '../errors.js';
import type { Notification } from '../model/notification.js';
import type { ResolvedDeliveryOptions } from './deliveryOptions.js';
import type { DeliveryOutcome, DeliveryStats } from './types.js';

interface EntryView {
  notification: Notification;
  enqueuedAt: number;
  attempts: number;
  lastError?: unknown;
}

/**
 * Logs, counts and forwards to the hooks every outcome of a queue, in one place so that each
 * outcome is reported exactly the same way. A hook that throws is logged, never propagated:
 * metrics must not break delivery.
 */
export function outcomeReporter(opts: Pick<ResolvedDeliveryOptions, 'name' | 'logger' | 'hooks' | 'timers' | 'overflow' | 'capacity'>) {
  const log = opts.logger.child({ sender: opts.name });
  const stats: DeliveryStats = { delivered: 0, dropped: 0, overflow: 0, retries: 0 };

  function hook(call: () => void): void {
    try {
      call();
    } catch (error) {
      log.error({ err: error }, 'delivery hook threw');
    }
  }

  function outcome(notification: Notification, kind: DeliveryOutcome, attempts: number, enqueuedAt: number, error?: unknown): void {
    stats[kind] += 1;
    const info = { latencyMs: opts.timers.now() - enqueuedAt, attempts, ...(error === undefined ? {} : { error }) };
    hook(() => opts.hooks.onOutcome?.(notification, kind, info));
  }

  function dropped(entry: EntryView, reason: string): void {
    log.error(
      { notificationId: entry.notification.id, attempts: entry.attempts, reason, err: entry.lastError },
      `notification dropped: ${reason}`,
    );
    outcome(
      entry.notification,
      'dropped',
      entry.attempts,
      entry.enqueuedAt,
      entry.lastError ?? new MonaError('MONA_DELIVERY_DROPPED', reason),
    );
  }

  return {
    stats,
    delivered(entry: EntryView): void {
      log.debug({ notificationId: entry.notification.id, attempts: entry.attempts }, 'notification delivered');
      outcome(entry.notification, 'delivered', entry.attempts, entry.enqueuedAt);
    },
    dropped,
    retrying(entry: EntryView, delayMs: number): void {
      stats.retries += 1;
      log.warn(
        { notificationId: entry.notification.id, attempt: entry.attempts, delayMs, err: entry.lastError },
        'delivery failed, will retry',
      );
      hook(() => opts.hooks.onRetry?.(entry.notification, { attempt: entry.attempts, delayMs, error: entry.lastError }));
    },
    overflow(notification: Notification, attempts: number, enqueuedAt = opts.timers.now()): void {
      log.warn(
        { notificationId: notification.id, policy: opts.overflow, capacity: opts.capacity },
        'delivery queue full: notification dropped',
      );
      outcome(notification, 'overflow', attempts, enqueuedAt);
    },
    refusedAfterClose(notification: Notification): void {
      const entry = { notification, enqueuedAt: opts.timers.now(), attempts: 0 };
      dropped({ ...entry, lastError: new MonaError('MONA_QUEUE_CLOSED', 'delivery queue closed') }, 'queue closed');
    },
    bug(entry: EntryView, error: unknown): void {
      dropped({ ...entry, lastError: error }, 'internal error in the delivery queue');
    },
    closeFailed(error: unknown): void {
      log.error({ err: error }, 'sender close failed');
    },
  };
}
