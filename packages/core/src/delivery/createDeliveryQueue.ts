import { MonaError } from '../errors.js';
import type { Notification } from '../model/notification.js';
import type { Sender } from '../sender/types.js';
import { attemptDelivery } from './attemptDelivery.js';
import { resolveDeliveryOptions, type DeliveryQueueOptions } from './deliveryOptions.js';
import { outcomeReporter } from './outcomeReporter.js';
import { retryDecision } from './retryDecision.js';
import type { DeliveryQueue } from './types.js';

/** A queued notification and its delivery state. */
export interface QueueEntry {
  notification: Notification;
  enqueuedAt: number;
  attempts: number;
  lastError?: unknown;
  /** True while an attempt runs: overflow never evicts it (the channel may already have it). */
  sending: boolean;
  /** Aborted when the queue gives up on the entry (close, overflow); stops its attempt and backoff. */
  cancel: AbortController;
}

interface DrainWaiter {
  deadline: number;
  settle(result: boolean): void;
}

/**
 * One sender's ordered delivery queue (FIFO: the head is retried before the next is sent).
 * `enqueue` never waits for the sender, so a sender that throws, hangs or rejects only ever
 * delays its own queue. Retry policy, limits and overflow: see `DeliveryQueueOptions` and the
 * core README.
 *
 * @example
 * const queue = createDeliveryQueue(sender, { name: 'senders[0]:slack', logger });
 * queue.enqueue(notification);
 * await queue.drain(5_000); // at shutdown
 * await queue.close();
 */
export function createDeliveryQueue(sender: Sender, options: DeliveryQueueOptions = {}): DeliveryQueue {
  const opts = resolveDeliveryOptions(options);
  const { timers } = opts;
  const report = outcomeReporter(opts);
  const entries: QueueEntry[] = [];
  const drainers = new Set<DrainWaiter>();
  let working = false;
  let closing: Promise<void> | undefined;

  function settleDrainers(result: boolean, filter: (w: DrainWaiter) => boolean = () => true): void {
    for (const waiter of [...drainers]) if (filter(waiter)) waiter.settle(result);
  }

  async function deliverEntry(entry: QueueEntry): Promise<void> {
    // Bounded: every pass makes one attempt, and attempts are capped by maxAttempts.
    for (;;) {
      if (timers.now() - entry.enqueuedAt > opts.maxAgeMs) return report.dropped(entry, `older than ${opts.maxAgeMs} ms`);
      entry.attempts += 1;
      entry.sending = true;
      const result = await attemptDelivery(sender, entry.notification, opts.attemptTimeoutMs, timers, entry.cancel.signal);
      entry.sending = false;
      if (entry.cancel.signal.aborted) return; // closed or evicted: already reported
      if (result.ok) return report.delivered(entry);
      entry.lastError = result.error;
      const decision = retryDecision(result.error, entry, timers.now(), opts);
      if (!decision.retry) return report.dropped(entry, decision.reason);
      report.retrying(entry, decision.delayMs);
      const wakeAt = timers.now() + decision.delayMs;
      settleDrainers(false, (waiter) => waiter.deadline < wakeAt);
      await timers.sleep(decision.delayMs, entry.cancel.signal);
      if (entry.cancel.signal.aborted) return;
    }
  }

  async function work(): Promise<void> {
    working = true;
    try {
      while (closing === undefined && entries[0] !== undefined) {
        const head = entries[0];
        await deliverEntry(head).catch((error: unknown) => report.bug(head, error));
        const index = entries.indexOf(head);
        if (index >= 0) entries.splice(index, 1);
        if (entries.length === 0) settleDrainers(true);
      }
    } finally {
      working = false;
    }
  }

  function evictForOverflow(incoming: Notification): boolean {
    const victim = opts.overflow === 'dropOldest' ? entries.find((e) => !e.sending) : undefined;
    if (victim === undefined) {
      report.overflow(incoming, 0);
      return false;
    }
    entries.splice(entries.indexOf(victim), 1);
    victim.cancel.abort(new MonaError('MONA_QUEUE_OVERFLOW', 'evicted by the dropOldest overflow policy'));
    report.overflow(victim.notification, victim.attempts, victim.enqueuedAt);
    return true;
  }

  return {
    enqueue(notification) {
      if (closing !== undefined) {
        report.refusedAfterClose(notification);
        return false;
      }
      if (entries.length >= opts.capacity && !evictForOverflow(notification)) return false;
      entries.push({ notification, enqueuedAt: timers.now(), attempts: 0, sending: false, cancel: new AbortController() });
      if (!working) void work();
      return true;
    },
    get size() {
      return entries.length;
    },
    stats: report.stats,
    drain(timeoutMs) {
      if (entries.length === 0) return Promise.resolve(true);
      return new Promise<boolean>((resolve) => {
        const stopTimer = new AbortController();
        const waiter: DrainWaiter = {
          deadline: timers.now() + timeoutMs,
          settle(result) {
            if (!drainers.delete(waiter)) return;
            stopTimer.abort();
            resolve(result);
          },
        };
        drainers.add(waiter);
        void timers.sleep(timeoutMs, stopTimer.signal).then(() => waiter.settle(false));
      });
    },
    close() {
      closing ??= (async () => {
        const pending = entries.splice(0);
        for (const entry of pending) {
          entry.cancel.abort(new MonaError('MONA_QUEUE_CLOSED', 'delivery queue closed'));
          report.dropped(entry, 'queue closed');
        }
        settleDrainers(false);
        try {
          await sender.close?.();
        } catch (error) {
          report.closeFailed(error);
        }
      })();
      return closing;
    },
  };
}
