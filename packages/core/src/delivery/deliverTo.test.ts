import { from, lastValueFrom, toArray } from 'rxjs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { recordingLogger } from '../testing/recordingLogger.js';
import { recordingSender } from '../testing/recordingSender.js';
import { createDeliveryQueue } from './createDeliveryQueue.js';
import { deliverTo } from './deliverTo.js';
import { notifications } from './__fixtures__/queueUnderTest.js';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('deliverTo', () => {
  it('enqueues every notification into every queue and passes it on', async () => {
    const senders = [recordingSender(), recordingSender()];
    const queues = senders.map((s) => createDeliveryQueue(s));

    const passed = await lastValueFrom(from(notifications(2)).pipe(deliverTo(queues), toArray()));
    await vi.advanceTimersByTimeAsync(0);

    expect(passed.map((n) => n.id)).toEqual(['n0', 'n1']);
    expect(senders.map((s) => s.sent.length)).toEqual([2, 2]);
  });

  it('routes per notification', async () => {
    const [odd, even] = [recordingSender(), recordingSender()];
    const queues = { odd: createDeliveryQueue(odd), even: createDeliveryQueue(even) };

    await lastValueFrom(from(notifications(3)).pipe(deliverTo((n) => [Number(n.id.slice(1)) % 2 ? queues.odd : queues.even])));
    await vi.advanceTimersByTimeAsync(0);

    expect(even.sent.map((n) => n.id)).toEqual(['n0', 'n2']);
    expect(odd.sent.map((n) => n.id)).toEqual(['n1']);
  });

  it('logs a failing route and keeps the stream going', async () => {
    const logger = recordingLogger();
    const route = () => {
      throw new Error('bad glob');
    };

    const passed = await lastValueFrom(from(notifications(2)).pipe(deliverTo(route, logger), toArray()));

    expect(passed).toHaveLength(2);
    expect(logger.entries.filter((e) => e.msg === 'routing a notification failed')).toHaveLength(2);
  });
});
