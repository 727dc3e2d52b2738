import { describe, expect, it } from 'vitest';
import { mergeDelivery } from './mergeDelivery.js';

describe('mergeDelivery', () => {
  it("lays a sender's delivery settings over the top-level ones, key by key, group included", () => {
    // Prepare, Act
    const merged = mergeDelivery(
      { maxAgeMs: 600_000, attemptTimeoutMs: 5_000, group: { threshold: 20, maxSize: 30 } },
      { attemptTimeoutMs: 2_000, group: { enabled: false } },
    );

    // Assess
    expect(merged).toEqual({ maxAgeMs: 600_000, attemptTimeoutMs: 2_000, group: { threshold: 20, maxSize: 30, enabled: false } });
  });

  it('replaces a pace whole and reads null as the default', () => {
    // Prepare, Act
    const merged = mergeDelivery({ pace: { messagesPerSecond: 5, burst: 5 }, maxDelayMs: 10_000 }, {
      pace: { messagesPerSecond: 1 },
      maxDelayMs: null,
    } as never);

    // Assess
    expect(merged).toEqual({ pace: { messagesPerSecond: 1 }, maxDelayMs: 10_000 });
  });
});
