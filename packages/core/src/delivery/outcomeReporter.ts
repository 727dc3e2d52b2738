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
 * outcome is reported exactly the same way. A group's outcome is reported for each of its
 * members (stats and hooks count notifications; the log has one line per message, with the
 * member ids). A hook that throws is logged, never propagated: metrics must not break delivery.
 */
export function outcomeReporter(opts: Pick<ResolvedDeliveryOptions, 'name' | 'logger' | 'hooks' | 'timers' | 'overflow' | 'capacity'>) {
  const log = opts.logger.child({ sender: opts.name });
  const stats: DeliveryStats = { delivered: 0, dropped: 0, overflow: 0, retries: 0, movedBehind: 0, grouped: 0 };

  function hook(call: () => void): void {
    try {
      call();
    } catch (error) {
      log.error({ err: error }, 'delivery hook threw');
    }
  }

  function outcome(notification: Notification, kind: DeliveryOutcome, attempts: number, enqueuedAt: number, error?: unknown): void {
    const info = { latencyMs: opts.timers.now() - enqueuedAt, attempts, ...(error === undefined ? {} : { error }) };
    for (const member of notification.group?.members ?? [notification]) {
      stats[kind] += 1;
      hook(() => opts.hooks.onOutcome?.(member, kind, info));
    }
  }

  function ids(notification: Notification): { notificationId: string; members?: string[] } {
    const members = notification.group?.members;
    return members === undefined
      ? { notificationId: notification.id }
      : { notificationId: notification.id, members: members.map((m) => m.id) };
  }

  function dropped(entry: EntryView, reason: string): void {
    log.error({ ...ids(entry.notification), attempts: entry.attempts, reason, err: entry.lastError }, `notification dropped: ${reason}`);
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
      log.debug({ ...ids(entry.notification), attempts: entry.attempts }, 'notification delivered');
      stats.grouped += entry.notification.group?.members.length ?? 0;
      outcome(entry.notification, 'delivered', entry.attempts, entry.enqueuedAt);
    },
    dropped,
    retrying(entry: EntryView, delayMs: number): void {
      stats.retries += 1;
      log.warn({ ...ids(entry.notification), attempt: entry.attempts, delayMs, err: entry.lastError }, 'delivery failed, will retry');
      hook(() => opts.hooks.onRetry?.(entry.notification, { attempt: entry.attempts, delayMs, error: entry.lastError }));
    },
    movedBehind(entry: EntryView, others: number, heldMs: number): void {
      stats.movedBehind += 1;
      log.warn(
        { ...ids(entry.notification), attempts: entry.attempts, heldMs, others, err: entry.lastError },
        'notification moved behind the others: it held the queue while the channel took the next one',
      );
    },
    grouped(waiting: number, members: number, messages: number): void {
      log.info({ waiting, members, messages }, `backlog of ${waiting} grouped: ${members} notifications into ${messages} messages`);
    },
    overflow(notification: Notification, attempts: number, enqueuedAt = opts.timers.now()): void {
      log.warn({ ...ids(notification), policy: opts.overflow, capacity: opts.capacity }, 'delivery queue full: notification dropped');
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
