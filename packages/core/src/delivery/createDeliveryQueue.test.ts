import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SenderError } from '../errors.js';
import { recordingSender } from '../testing/recordingSender.js';
import { notifications, queueUnderTest } from './__fixtures__/queueUnderTest.js';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('createDeliveryQueue: order and retries', () => {
  it('delivers notifications in the order they were queued', async () => {
    const sender = recordingSender();
    const { queue, outcomes } = queueUnderTest(sender);

    for (const n of notifications(3)) queue.enqueue(n);
    await vi.advanceTimersByTimeAsync(0);

    expect(sender.sent.map((n) => n.id)).toEqual(['n0', 'n1', 'n2']);
    expect(outcomes.map((o) => o.outcome)).toEqual(['delivered', 'delivered', 'delivered']);
    expect(queue.size).toBe(0);
  });

  it('retries the head before sending the next notification', async () => {
    const sender = recordingSender().failNext(2);
    const { queue } = queueUnderTest(sender);

    for (const n of notifications(2)) queue.enqueue(n);
    await vi.advanceTimersByTimeAsync(10_000);

    expect(sender.attempts.map((a) => a.notification.id)).toEqual(['n0', 'n0', 'n0', 'n1']);
    expect(sender.sent.map((n) => n.id)).toEqual(['n0', 'n1']);
  });

  it('does not retry a non-retryable error and logs the drop with id, sender and error', async () => {
    const sender = recordingSender().rejectNext();
    const { queue, logger, outcomes } = queueUnderTest(sender);

    queue.enqueue(notifications(1)[0]!);
    await vi.advanceTimersByTimeAsync(120_000);

    expect(sender.attempts).toHaveLength(1);
    expect(outcomes).toMatchObject([{ id: 'n0', outcome: 'dropped', attempts: 1 }]);
    const drop = logger.entries.find((e) => e.level === 'error');
    expect(drop?.fields).toMatchObject({ notificationId: 'n0', sender: 'senders[0]:test', reason: 'not retryable' });
    expect(drop?.fields.err).toBeInstanceOf(SenderError);
  });

  it('retries an unclassified thrown error as a network failure', async () => {
    const sender = recordingSender().failNext(1, new Error('ECONNRESET'));
    const { queue, outcomes } = queueUnderTest(sender);

    queue.enqueue(notifications(1)[0]!);
    await vi.advanceTimersByTimeAsync(1_000);

    expect(outcomes).toMatchObject([{ id: 'n0', outcome: 'delivered', attempts: 2 }]);
  });

  it('survives a sender that throws synchronously', async () => {
    let calls = 0;
    const { queue, outcomes } = queueUnderTest({
      send() {
        calls += 1;
        if (calls === 1) throw new Error('sync boom');
        return Promise.resolve();
      },
    });

    queue.enqueue(notifications(1)[0]!);
    await vi.advanceTimersByTimeAsync(1_000);

    expect(outcomes).toMatchObject([{ outcome: 'delivered', attempts: 2 }]);
  });

  it('waits a full-jitter exponential backoff, capped at maxDelayMs', async () => {
    const sender = recordingSender().failNext(5);
    const { queue, retries } = queueUnderTest(sender, { random: () => 0.5, baseDelayMs: 1_000, maxDelayMs: 4_000 });

    queue.enqueue(notifications(1)[0]!);
    await vi.advanceTimersByTimeAsync(60_000);

    expect(retries.map((r) => r.delayMs)).toEqual([500, 1_000, 2_000, 2_000, 2_000]);
    expect(sender.sent).toHaveLength(1);
  });

  it('waits at least retryAfterMs before the next attempt', async () => {
    const sender = recordingSender().failNext(1, new SenderError('429', { retryable: true, retryAfterMs: 30_000 }));
    const { queue } = queueUnderTest(sender, { random: () => 0 });

    queue.enqueue(notifications(1)[0]!);
    await vi.advanceTimersByTimeAsync(29_999);
    const attemptsBefore = sender.attempts.length;
    await vi.advanceTimersByTimeAsync(1);

    expect(attemptsBefore).toBe(1);
    expect(sender.attempts).toHaveLength(2);
  });

  it('gives up after maxAttempts when a cap is set, and reports the last error', async () => {
    const sender = recordingSender().failNext(10);
    const { queue, outcomes, logger } = queueUnderTest(sender, { maxAttempts: 6 });

    queue.enqueue(notifications(1)[0]!);
    await vi.advanceTimersByTimeAsync(15 * 60_000);

    expect(sender.attempts).toHaveLength(6);
    expect(outcomes).toMatchObject([{ outcome: 'dropped', attempts: 6 }]);
    expect(logger.entries.some((e) => e.msg === 'notification dropped: gave up after 6 attempts')).toBe(true);
    expect(queue.stats).toMatchObject({ dropped: 1, retries: 5 });
  });

  it('gives up when the next attempt would be past maxAgeMs', async () => {
    const sender = recordingSender().failNext(1, new SenderError('429', { retryable: true, retryAfterMs: 20_000 }));
    const { queue, outcomes } = queueUnderTest(sender, { maxAgeMs: 10_000 });

    queue.enqueue(notifications(1)[0]!);
    await vi.advanceTimersByTimeAsync(30_000);

    expect(sender.attempts).toHaveLength(1);
    expect(outcomes).toMatchObject([{ outcome: 'dropped', attempts: 1 }]);
  });

  it('abandons a sender that ignores the signal and hangs, at the attempt timeout', async () => {
    const sender = recordingSender().hangNext(1, { ignoreSignal: true });
    const { queue, retries, outcomes } = queueUnderTest(sender, { attemptTimeoutMs: 2_000, random: () => 0 });

    queue.enqueue(notifications(1)[0]!);
    await vi.advanceTimersByTimeAsync(2_100); // the timeout, then the immediate retry

    expect(retries).toMatchObject([{ attempt: 1, error: { code: 'MONA_SEND_TIMEOUT' } }]);
    expect(outcomes).toMatchObject([{ outcome: 'delivered', attempts: 2 }]);
  });

  it('aborts the attempt signal at the timeout', async () => {
    let signal: AbortSignal | undefined;
    const { queue } = queueUnderTest(
      { send: (_n, s) => ((signal = s), new Promise<void>(() => undefined)) },
      { attemptTimeoutMs: 1_000, maxAttempts: 1 },
    );

    queue.enqueue(notifications(1)[0]!);
    await vi.advanceTimersByTimeAsync(1_000);

    expect(signal?.aborted).toBe(true);
  });
});
