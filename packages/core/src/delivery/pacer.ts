import type { SenderPace } from '../sender/types.js';

/** A sender's pace as a token bucket: `waitMs` says how long until the next send may start. */
export interface Pacer {
  waitMs(now: number): number;
  /** Count one send starting at `now`. */
  take(now: number): void;
}

/**
 * The queue's pacing of one sender: `burst` sends back to back, then one every
 * `1 / messagesPerSecond` s. Every attempt counts, retries included, because the channel
 * counts requests, not notifications. Unpaced (`undefined`): never waits.
 *
 * @example
 * const pacer = createPacer({ messagesPerSecond: 1, burst: 1 });
 * pacer.take(0);
 * pacer.waitMs(0); // 1000
 */
export function createPacer(pace: Required<SenderPace> | undefined): Pacer {
  if (pace === undefined) return { waitMs: () => 0, take: () => undefined };
  const intervalMs = 1000 / pace.messagesPerSecond;
  let tokens = pace.burst;
  let refilledAt = Number.NEGATIVE_INFINITY;
  const refill = (now: number): void => {
    if (refilledAt === Number.NEGATIVE_INFINITY) refilledAt = now;
    tokens = Math.min(pace.burst, tokens + (now - refilledAt) / intervalMs);
    refilledAt = now;
  };
  return {
    waitMs(now) {
      refill(now);
      return tokens >= 1 ? 0 : Math.ceil((1 - tokens) * intervalMs);
    },
    take(now) {
      refill(now);
      tokens -= 1;
    },
  };
}
