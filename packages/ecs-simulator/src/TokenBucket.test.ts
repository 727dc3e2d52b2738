import { describe, expect, it } from 'vitest';
import { TokenBucket } from './TokenBucket.js';

describe('TokenBucket', () => {
  it('allows a burst of capacity, then refuses until time passes', () => {
    let now = 0;
    const bucket = new TokenBucket({ capacity: 3, refillPerSecond: 2 }, () => now);

    const burst = [bucket.take(), bucket.take(), bucket.take(), bucket.take()];
    now = 500;
    const afterHalfSecond = [bucket.take(), bucket.take()];

    expect(burst).toEqual([true, true, true, false]);
    expect(afterHalfSecond).toEqual([true, false]);
  });

  it('never refills beyond its capacity', () => {
    let now = 0;
    const bucket = new TokenBucket({ capacity: 5, refillPerSecond: 20 }, () => now);
    bucket.take();

    now = 60_000;

    expect(bucket.available()).toBe(5);
  });
});
