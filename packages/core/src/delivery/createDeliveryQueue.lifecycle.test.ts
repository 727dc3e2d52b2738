import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SenderError } from '../errors.js';
import { recordingSender } from '../testing/recordingSender.js';
import { createDeliveryQueue } from './createDeliveryQueue.js';
import { notifications, queueUnderTest } from './__fixtures__/queueUnderTest.js';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('createDeliveryQueue: overflow', () => {
  it('evicts the oldest waiting notification with dropOldest, never the one in flight', async () => {
    const sender = recordingSender().hangNext(1);
    const { queue, outcomes, logger } = queueUnderTest(sender, { capacity: 2 });
    const [n0, n1, n2] = notifications(3);

    queue.enqueue(n0!);
    await vi.advanceTimersByTimeAsync(0);
    queue.enqueue(n1!);
    const accepted = queue.enqueue(n2!);

    expect(accepted).toBe(true);
    expect(outcomes).toMatchObject([{ id: 'n1', outcome: 'overflow' }]);
    expect(logger.entries.some((e) => e.level === 'warn' && e.fields.policy === 'dropOldest')).toBe(true);
    await vi.advanceTimersByTimeAsync(15_000);
    expect(sender.sent.map((n) => n.id)).toEqual(['n0', 'n2']);
  });

  it('refuses the new notification with dropNewest', async () => {
    const sender = recordingSender().hangNext(1);
    const { queue, outcomes } = queueUnderTest(sender, { capacity: 2, overflow: 'dropNewest' });
    const [n0, n1, n2] = notifications(3);

    queue.enqueue(n0!);
    queue.enqueue(n1!);
    const accepted = queue.enqueue(n2!);

    expect(accepted).toBe(false);
    expect(outcomes).toMatchObject([{ id: 'n2', outcome: 'overflow' }]);
    expect(queue.size).toBe(2);
  });

  it('evicts a head that is waiting for its retry', async () => {
    const sender = recordingSender().failNext(1, new SenderError('429', { retryable: true, retryAfterMs: 60_000 }));
    const { queue, outcomes } = queueUnderTest(sender, { capacity: 1 });
    const [n0, n1] = notifications(2);

    queue.enqueue(n0!);
    await vi.advanceTimersByTimeAsync(0);
    queue.enqueue(n1!);
    await vi.advanceTimersByTimeAsync(0);

    expect(outcomes).toMatchObject([
      { id: 'n0', outcome: 'overflow' },
      { id: 'n1', outcome: 'delivered' },
    ]);
  });
});

describe('createDeliveryQueue: isolation', () => {
  it('delivers through one queue while another sender hangs', async () => {
    const stuck = queueUnderTest(recordingSender().hangNext(1, { ignoreSignal: true }));
    const healthy = recordingSender();
    const fine = queueUnderTest(healthy);
    const [n0] = notifications(1);

    stuck.queue.enqueue(n0!);
    fine.queue.enqueue(n0!);
    await vi.advanceTimersByTimeAsync(0);

    expect(healthy.sent).toHaveLength(1);
    expect(stuck.queue.size).toBe(1);
  });

  it('keeps delivering when a hook throws', async () => {
    const sender = recordingSender();
    const queue = createDeliveryQueue(sender, {
      hooks: {
        onOutcome: () => {
          throw new Error('metrics broke');
        },
      },
    });

    for (const n of notifications(2)) queue.enqueue(n);
    await vi.advanceTimersByTimeAsync(0);

    expect(sender.sent).toHaveLength(2);
  });

  it('drops notifications that waited past maxAgeMs behind a slow head, without trying them', async () => {
    const sender = recordingSender().hangNext(1, { ignoreSignal: true });
    const { queue, outcomes } = queueUnderTest(sender, { attemptTimeoutMs: 6_000, maxAgeMs: 5_000 });

    for (const n of notifications(2)) queue.enqueue(n);
    await vi.advanceTimersByTimeAsync(6_000);

    expect(outcomes).toMatchObject([
      { id: 'n0', outcome: 'dropped', attempts: 1 },
      { id: 'n1', outcome: 'dropped', attempts: 0 },
    ]);
    expect(sender.attempts).toHaveLength(1);
  });
});

describe('createDeliveryQueue: drain and close', () => {
  it('drains to true once every notification is delivered', async () => {
    const { queue } = queueUnderTest(recordingSender().failNext(2));
    for (const n of notifications(2)) queue.enqueue(n);

    const drained = queue.drain(30_000);
    await vi.advanceTimersByTimeAsync(5_000);

    await expect(drained).resolves.toBe(true);
  });

  it('drains to false at the deadline when the sender keeps hanging', async () => {
    const { queue } = queueUnderTest(recordingSender().hangNext(10), { attemptTimeoutMs: 10_000 });
    queue.enqueue(notifications(1)[0]!);

    const drained = queue.drain(3_000);
    await vi.advanceTimersByTimeAsync(3_000);

    await expect(drained).resolves.toBe(false);
    expect(queue.size).toBe(1);
  });

  it('drains to false without waiting when the next retry falls past the deadline', async () => {
    const sender = recordingSender().failNext(1, new SenderError('429', { retryable: true, retryAfterMs: 60_000 }));
    const { queue } = queueUnderTest(sender);
    queue.enqueue(notifications(1)[0]!);
    let result: boolean | undefined;

    void queue.drain(5_000).then((r) => (result = r));
    await vi.advanceTimersByTimeAsync(0);

    expect(result).toBe(false);
  });

  it('closes the sender once, drops what is pending and refuses new notifications', async () => {
    const sender = recordingSender().hangNext(1);
    const { queue, outcomes } = queueUnderTest(sender);
    const [n0, n1, n2] = notifications(3);
    queue.enqueue(n0!);
    queue.enqueue(n1!);
    await vi.advanceTimersByTimeAsync(0);

    await Promise.all([queue.close(), queue.close()]);
    const accepted = queue.enqueue(n2!);

    expect(sender.closeCalls).toBe(1);
    expect(accepted).toBe(false);
    expect(outcomes.map((o) => `${o.id}:${o.outcome}`)).toEqual(['n0:dropped', 'n1:dropped', 'n2:dropped']);
    expect(queue.size).toBe(0);
  });

  it('logs, not throws, when the sender fails to close', async () => {
    const { queue, logger } = queueUnderTest({ send: () => Promise.resolve(), close: () => Promise.reject(new Error('pool stuck')) });

    await queue.close();

    expect(logger.entries.some((e) => e.msg === 'sender close failed')).toBe(true);
  });

  it('rejects nonsensical options with a coded error', () => {
    expect(() => createDeliveryQueue(recordingSender(), { capacity: 0 })).toThrow(
      expect.objectContaining({ code: 'MONA_DELIVERY_OPTIONS_INVALID' }),
    );
  });
});
