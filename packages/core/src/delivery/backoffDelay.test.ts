import { describe, expect, it } from 'vitest';
import { backoffDelay } from './backoffDelay.js';

const policy = { baseDelayMs: 1_000, maxDelayMs: 60_000 };

describe('backoffDelay', () => {
  it.each([
    [1, 1_000],
    [2, 2_000],
    [3, 4_000],
    [6, 32_000],
    [7, 60_000],
    [500, 60_000],
  ])('bounds retry %i by %i ms', (retry, ceiling) => {
    const highest = backoffDelay(retry, policy, () => 0.999_999);
    const lowest = backoffDelay(retry, policy, () => 0);

    expect(lowest).toBe(0);
    expect(highest).toBeLessThanOrEqual(ceiling);
    expect(highest).toBeGreaterThanOrEqual(ceiling - 1);
  });

  it('spreads delays uniformly below the ceiling (full jitter)', () => {
    const delay = backoffDelay(3, policy, () => 0.25);

    expect(delay).toBe(1_000);
  });

  it('waits at least retryAfterMs, even past the cap', () => {
    expect(backoffDelay(1, policy, () => 0.5, 90_000)).toBe(90_000);
    expect(backoffDelay(7, policy, () => 0.9, 1_000)).toBe(54_000);
  });
});
