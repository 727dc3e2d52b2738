import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SenderError } from '../errors.js';
import { notifications, queueUnderTest, scriptedChannel } from './__fixtures__/queueUnderTest.js';

const down = () => ({ throws: new SenderError('HTTP 500', { retryable: true }) });

beforeEach(() => {
  vi.useFakeTimers({ now: 0 });
});
afterEach(() => {
  vi.useRealTimers();
});

describe('createDeliveryQueue: outages', () => {
  it('delivers everything, once and in order, after a 90 s outage, within the backoff cap of the recovery', async () => {
    // Prepare
    const channel = scriptedChannel((_n, now) => (now < 90_000 ? down() : 'ok'));
    const { queue, outcomes } = queueUnderTest(channel.sender, { random: () => 1 });

    // Act
    for (const n of notifications(3)) queue.enqueue(n);
    await vi.advanceTimersByTimeAsync(200_000);

    // Assess
    expect(channel.accepted.map((a) => a.id)).toEqual(['n0', 'n1', 'n2']);
    expect(outcomes.map((o) => o.outcome)).toEqual(['delivered', 'delivered', 'delivered']);
    expect(channel.accepted[0]!.at).toBeLessThanOrEqual(90_000 + 30_000);
    expect(new Set(channel.attempts.filter((a) => a.at >= 90_000).map((a) => a.id)).size).toBe(3);
  });

  it('keeps retrying for the whole age limit, then drops with a reason that names it', async () => {
    // Prepare
    const channel = scriptedChannel(() => down());
    const { queue, outcomes, logger } = queueUnderTest(channel.sender, { maxAgeMs: 300_000, random: () => 1 });

    // Act
    queue.enqueue(notifications(1)[0]!);
    await vi.advanceTimersByTimeAsync(400_000);

    // Assess
    expect(channel.attempts.at(-1)!.at).toBe(300_000);
    expect(channel.attempts.length).toBeGreaterThan(10);
    expect(outcomes).toMatchObject([{ outcome: 'dropped' }]);
    expect(logger.entries.some((e) => e.msg === 'notification dropped: older than the age limit of 300 s')).toBe(true);
  });
});

describe('createDeliveryQueue: Retry-After', () => {
  it('waits a Retry-After that ends within the age limit', async () => {
    // Prepare
    let asked = false;
    const channel = scriptedChannel(() => {
      if (asked) return 'ok';
      asked = true;
      return { throws: new SenderError('429', { retryable: true, retryAfterMs: 120_000 }) };
    });
    const { queue, outcomes } = queueUnderTest(channel.sender);

    // Act
    queue.enqueue(notifications(1)[0]!);
    await vi.advanceTimersByTimeAsync(200_000);

    // Assess
    expect(channel.attempts.map((a) => a.at)).toEqual([0, 120_000]);
    expect(outcomes).toMatchObject([{ outcome: 'delivered', attempts: 2 }]);
  });

  it('drops at once, saying the channel asked to wait beyond the age limit, and sends the next', async () => {
    // Prepare
    const channel = scriptedChannel((n) =>
      n.id === 'n0' ? { throws: new SenderError('429', { retryable: true, retryAfterMs: 3_600_000 }) } : 'ok',
    );
    const { queue, outcomes, logger } = queueUnderTest(channel.sender);

    // Act
    for (const n of notifications(2)) queue.enqueue(n);
    await vi.advanceTimersByTimeAsync(0);

    // Assess
    expect(outcomes).toMatchObject([
      { id: 'n0', outcome: 'dropped', attempts: 1 },
      { id: 'n1', outcome: 'delivered' },
    ]);
    const drop = logger.entries.find((e) => e.level === 'error');
    expect(drop?.msg).toBe(
      'notification dropped: the channel asked to wait 3600 s (Retry-After), beyond the age limit (900 s left of 900 s)',
    );
  });
});

describe('createDeliveryQueue: a stuck head', () => {
  it('moves a message that times out twice behind the others once the channel takes the next one', async () => {
    // Prepare
    const channel = scriptedChannel((n, now) => (n.id === 'n0' && now < 100_000 ? 'hang' : 'ok'));
    const { queue, logger } = queueUnderTest(channel.sender, { attemptTimeoutMs: 10_000, random: () => 0 });

    // Act
    for (const n of notifications(3)) queue.enqueue(n);
    await vi.advanceTimersByTimeAsync(30_000);
    const early = channel.accepted.map((a) => ({ id: a.id, at: a.at }));
    await vi.advanceTimersByTimeAsync(120_000);

    // Assess
    expect(early).toEqual([
      { id: 'n1', at: 20_000 },
      { id: 'n2', at: 20_000 },
    ]);
    expect(channel.accepted.map((a) => a.id)).toEqual(['n1', 'n2', 'n0']);
    expect(queue.stats).toMatchObject({ delivered: 3, movedBehind: 1 });
    const moved = logger.entries.find((e) => e.level === 'warn' && e.msg?.startsWith('notification moved behind the others') === true);
    expect(moved?.fields).toMatchObject({ notificationId: 'n0', others: 1 });
  });

  it("lets the next one pass once the head's next retry would hold the queue past headOfLineMs", async () => {
    // Prepare
    const channel = scriptedChannel((n) => (n.id === 'n0' ? down() : 'ok'));
    const { queue } = queueUnderTest(channel.sender, { headOfLineMs: 15_000, random: () => 1 });

    // Act
    for (const n of notifications(2)) queue.enqueue(n);
    await vi.advanceTimersByTimeAsync(16_000);

    // Assess
    expect(channel.accepted.map((a) => a.id)).toEqual(['n1']);
    // Failures at 0, 1, 3 and 7 s; the retry after 7 s would start at 15 s, 15 s after n0 became the head.
    expect(channel.accepted[0]!.at).toBe(7_000);
  });

  it('keeps the order when the channel is down for everyone (probing the next one fails too)', async () => {
    // Prepare
    const channel = scriptedChannel((_n, now) => (now < 120_000 ? down() : 'ok'));
    const { queue } = queueUnderTest(channel.sender, { random: () => 1 });

    // Act
    for (const n of notifications(3)) queue.enqueue(n);
    await vi.advanceTimersByTimeAsync(300_000);

    // Assess
    expect(channel.accepted.map((a) => a.id)).toEqual(['n0', 'n1', 'n2']);
    expect(queue.stats.movedBehind).toBe(0);
  });
});
