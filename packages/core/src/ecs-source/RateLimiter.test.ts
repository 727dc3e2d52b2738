import { describe, expect, it } from 'vitest';
import { RateLimiter } from './RateLimiter.js';
import type { RateLimiterClock } from './RateLimiter.js';
import { sharedRateLimiter } from './sharedRateLimiter.js';

/** A virtual clock: sleeping advances time instantly and records how long each wait was. */
function virtualClock(): RateLimiterClock & { time: number; sleeps: number[] } {
  const clock = {
    time: 1_000_000,
    sleeps: [] as number[],
    now: () => clock.time,
    sleep: (ms: number, signal?: AbortSignal) => {
      if (signal?.aborted) return Promise.reject(new Error('aborted'));
      clock.sleeps.push(ms);
      clock.time += ms;
      return Promise.resolve();
    },
  };
  return clock;
}

describe('RateLimiter', () => {
  it('halves its rate when ECS pushes back, never below an eighth of the configured rate', () => {
    // Prepare
    const limiter = new RateLimiter({ requestsPerSecond: 16, burst: 1 }, virtualClock());
    // Act
    limiter.slowDown();
    const once = limiter.currentRate;
    for (let i = 0; i < 10; i++) limiter.slowDown();
    // Assess
    expect(once).toBe(8);
    expect(limiter.currentRate).toBe(2);
  });

  it('paces at the lowered rate after a throttle, and recovers with clean calls', async () => {
    // Prepare
    const clock = virtualClock();
    const limiter = new RateLimiter({ requestsPerSecond: 10, burst: 1 }, clock);
    await limiter.acquire();
    limiter.slowDown();
    // Act
    await limiter.acquire();
    const waitAtHalfRate = clock.sleeps.at(-1);
    for (let i = 0; i < 30; i++) limiter.speedUp();
    // Assess
    expect(waitAtHalfRate).toBe(200);
    expect(limiter.currentRate).toBe(10);
  });

  it('lets a full burst through without waiting', async () => {
    // Prepare
    const clock = virtualClock();
    const limiter = new RateLimiter({ requestsPerSecond: 2, burst: 3 }, clock);
    // Act
    for (let i = 0; i < 3; i++) await limiter.acquire();
    // Assess
    expect(clock.sleeps).toEqual([]);
  });

  it('paces calls beyond the burst at the sustained rate', async () => {
    // Prepare
    const clock = virtualClock();
    const limiter = new RateLimiter({ requestsPerSecond: 4, burst: 2 }, clock);
    const startedAt = clock.time;
    // Act
    for (let i = 0; i < 6; i++) await limiter.acquire();
    // Assess: 2 free, then 4 more at 250 ms each
    expect(clock.time - startedAt).toBe(1000);
  });

  it('refills the bucket while idle, never above the burst', async () => {
    // Prepare
    const clock = virtualClock();
    const limiter = new RateLimiter({ requestsPerSecond: 10, burst: 5 }, clock);
    for (let i = 0; i < 5; i++) await limiter.acquire();
    // Act
    clock.time += 60_000;
    for (let i = 0; i < 5; i++) await limiter.acquire();
    const waitForSixth = limiter.delayMs();
    // Assess
    expect(clock.sleeps).toEqual([]);
    expect(waitForSixth).toBe(100);
  });

  it('serves concurrent callers in order, each after the previous one', async () => {
    // Prepare: a clock that does not advance on sleep, to see the reserved waits
    const waits: number[] = [];
    const clock: RateLimiterClock = { now: () => 0, sleep: (ms) => (waits.push(ms), Promise.resolve()) };
    const limiter = new RateLimiter({ requestsPerSecond: 10, burst: 1 }, clock);
    // Act
    await Promise.all([limiter.acquire(), limiter.acquire(), limiter.acquire()]);
    // Assess
    expect(waits).toEqual([100, 200]);
  });

  it('gives the reservation back when the caller is aborted while waiting', async () => {
    // Prepare
    const clock: RateLimiterClock = {
      now: () => 0,
      sleep: (_ms, signal) => (signal?.aborted ? Promise.reject(new Error('aborted')) : Promise.resolve()),
    };
    const limiter = new RateLimiter({ requestsPerSecond: 10, burst: 1 }, clock);
    await limiter.acquire();
    const controller = new AbortController();
    controller.abort();
    // Act
    const attempt = limiter.acquire(controller.signal);
    // Assess
    await expect(attempt).rejects.toThrow();
    expect(limiter.delayMs()).toBe(100);
  });

  it('rejects a rate that is not a positive number', () => {
    // Act / Assess
    expect(() => new RateLimiter({ requestsPerSecond: 0 })).toThrow(/requestsPerSecond/);
  });
});

describe('sharedRateLimiter', () => {
  it('returns one limiter per region and endpoint', () => {
    // Act
    const a = sharedRateLimiter('test-shared-1', 'http://127.0.0.1:1');
    const b = sharedRateLimiter('test-shared-1', 'http://127.0.0.1:1');
    const c = sharedRateLimiter('test-shared-2', 'http://127.0.0.1:1');
    // Assess
    expect(a).toBe(b);
    expect(a).not.toBe(c);
  });
});
