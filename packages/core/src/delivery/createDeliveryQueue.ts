import { MonaError, isSenderError } from '../errors.js';
import type { Notification } from '../model/notification.js';
import type { Sender } from '../sender/types.js';
import { attemptDelivery } from './attemptDelivery.js';
import { resolveDeliveryOptions, type DeliveryQueueOptions } from './deliveryOptions.js';
import { groupBacklog } from './groupBacklog.js';
import { outcomeReporter } from './outcomeReporter.js';
import { createPacer } from './pacer.js';
import { retryDecision } from './retryDecision.js';
import type { DeliveryQueue } from './types.js';

/** A queued notification (or group) and its delivery state. */
export interface QueueEntry {
  notification: Notification;
  enqueuedAt: number;
  attempts: number;
  lastError?: unknown;
  /** True while an attempt runs: overflow never evicts it (the channel may already have it). */
  sending: boolean;
  /** Aborted when the queue gives up on the entry (close, overflow); stops its attempt. */
  cancel: AbortController;
  /** Earliest start of the next attempt (backoff, Retry-After). */
  notBefore: number;
  /** Since when it is the head of the queue; undefined while others are ahead of it. */
  headSince?: number;
  /** Timed-out attempts since it became the head. */
  timeouts: number;
}

interface DrainWaiter {
  deadline: number;
  settle(result: boolean): void;
}

type Choice = { entry: QueueEntry; holder?: QueueEntry } | { waitMs: number };

/**
 * One sender's ordered delivery queue. `enqueue` never waits for the sender, so a sender that
 * throws, hangs or rejects only ever delays its own queue. One attempt at a time, paced at the
 * sender's declared `pace`; the head is retried before the next is sent, until it has held the
 * queue for `headOfLineMs` or `headOfLineTimeouts` timed-out attempts: then the next one is
 * tried, and if the channel takes it, the holder moves behind the others. A backlog larger
 * than the group threshold is sent as grouped messages, failures first. The guarantees:
 * the core README, "Delivery queue".
 *
 * @example
 * const queue = createDeliveryQueue(sender, { name: 'senders[0]:slack', logger });
 * queue.enqueue(notification);
 * await queue.drain(5_000); // at shutdown
 * await queue.close();
 */
export function createDeliveryQueue(sender: Sender, options: DeliveryQueueOptions = {}): DeliveryQueue {
  const opts = resolveDeliveryOptions(options, sender.pace);
  const { timers } = opts;
  const report = outcomeReporter(opts);
  const pacer = createPacer(opts.pace);
  const entries: QueueEntry[] = [];
  const drainers = new Set<DrainWaiter>();
  const stop = new AbortController();
  let wake = new AbortController();
  let working = false;
  /** A head that just failed while holding the queue: the next notification is tried at once. */
  let holder: QueueEntry | undefined;
  let closing: Promise<void> | undefined;

  function settleDrainers(result: boolean, filter: (w: DrainWaiter) => boolean = () => true): void {
    for (const waiter of [...drainers]) if (filter(waiter)) waiter.settle(result);
  }

  function remove(entry: QueueEntry): void {
    const index = entries.indexOf(entry);
    if (index >= 0) entries.splice(index, 1);
    if (entries.length === 0) settleDrainers(true);
  }

  async function pause(ms: number, wakeOnEnqueue: boolean): Promise<void> {
    // `close` aborts both signals; `enqueue` aborts (and replaces) `wake`.
    await timers.sleep(Math.max(ms, 1), wakeOnEnqueue ? wake.signal : stop.signal);
  }

  function expire(now: number): void {
    for (const entry of [...entries]) {
      if (entry.sending || now - entry.enqueuedAt <= opts.maxAgeMs) continue;
      // A retry scheduled at the age limit keeps its last attempt, even if the queue reaches it a little late.
      if (entry.attempts > 0 && entry.notBefore <= entry.enqueuedAt + opts.maxAgeMs) continue;
      remove(entry);
      report.dropped(entry, `older than the age limit of ${opts.maxAgeMs / 1000} s`);
    }
  }

  function choose(now: number): Choice {
    const head = entries[0]!;
    head.headSince ??= now;
    if (holder === head) {
      const next = entries.find((e, i) => i > 0 && e.notBefore <= now);
      if (next !== undefined) return { entry: next, holder: head };
      holder = undefined;
    }
    return head.notBefore <= now ? { entry: head } : { waitMs: head.notBefore - now };
  }

  async function attempt(entry: QueueEntry, probing: QueueEntry | undefined): Promise<void> {
    holder = undefined;
    pacer.take(timers.now());
    entry.attempts += 1;
    entry.sending = true;
    const result = await attemptDelivery(sender, entry.notification, opts.attemptTimeoutMs, timers, entry.cancel.signal);
    entry.sending = false;
    if (entry.cancel.signal.aborted) return; // closed or evicted: already reported
    if (result.ok) {
      remove(entry);
      report.delivered(entry);
      // The channel took the next one right after the holder failed: the holder is the problem.
      if (probing !== undefined) moveBehind(probing);
      return;
    }
    entry.lastError = result.error;
    if (isSenderError(result.error) && result.error.code === 'MONA_SEND_TIMEOUT') entry.timeouts += 1;
    const now = timers.now();
    const decision = retryDecision(result.error, entry, now, opts);
    if (!decision.retry) {
      remove(entry);
      report.dropped(entry, decision.reason);
      return;
    }
    entry.notBefore = now + decision.delayMs;
    report.retrying(entry, decision.delayMs);
    if (probing !== undefined) {
      // The next one fails too: an outage, not a stuck message. Keep the order; the holder's
      // hold is counted again from now.
      probing.headSince = now;
      probing.timeouts = 0;
    } else if (entry === entries[0]) {
      const holds = entry.notBefore - (entry.headSince ?? now) >= opts.headOfLineMs || entry.timeouts >= opts.headOfLineTimeouts;
      if (holds && entries.length > 1) holder = entry;
      else settleDrainers(false, (waiter) => waiter.deadline < entry.notBefore);
    }
  }

  function moveBehind(stuck: QueueEntry): void {
    const index = entries.indexOf(stuck);
    if (index < 0) return;
    entries.splice(index, 1);
    report.movedBehind(stuck, entries.length, timers.now() - (stuck.headSince ?? timers.now()));
    delete stuck.headSince;
    stuck.timeouts = 0;
    entries.push(stuck);
  }

  function group(): void {
    if (opts.group !== undefined) groupBacklog(entries, opts.group, report);
  }

  async function work(): Promise<void> {
    working = true;
    try {
      await Promise.resolve(); // one sweep's notifications arrive synchronously: see them all before choosing
      while (closing === undefined && entries.length > 0) {
        const now = timers.now();
        expire(now);
        if (entries.length === 0) break;
        const paceMs = pacer.waitMs(now);
        if (paceMs > 0) {
          await pause(paceMs, false);
          continue;
        }
        group();
        const choice = choose(now);
        if ('waitMs' in choice) await pause(choice.waitMs, true);
        else await attempt(choice.entry, choice.holder).catch((error: unknown) => (remove(choice.entry), report.bug(choice.entry, error)));
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
      if (entries.length >= opts.capacity) group(); // a storm is grouped before anything is evicted
      if (entries.length >= opts.capacity && !evictForOverflow(notification)) return false;
      const now = timers.now();
      entries.push({
        notification,
        enqueuedAt: now,
        attempts: 0,
        sending: false,
        cancel: new AbortController(),
        notBefore: now,
        timeouts: 0,
      });
      if (!working) void work();
      else {
        wake.abort();
        wake = new AbortController();
      }
      return true;
    },
    get size() {
      return entries.reduce((sum, e) => sum + (e.notification.group?.members.length ?? 1), 0);
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
        stop.abort();
        wake.abort();
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
