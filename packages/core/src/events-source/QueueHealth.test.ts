import { describe, expect, it } from 'vitest';
import { QueueHealth, isEventsQueueNotice } from './QueueHealth.js';

describe('QueueHealth', () => {
  it('says once that the queue is down after the failures in a row, then once that it is back, with the count', () => {
    const health = new QueueHealth('mona-events', 'eu-west-1', 3);

    const first = [health.failed('ServiceUnavailable', 1_000), health.failed('ServiceUnavailable', 2_000)];
    const degraded = health.failed('ServiceUnavailable', 3_000);
    const again = health.failed('ServiceUnavailable', 4_000);
    const recovered = health.succeeded(64_000);
    const quiet = health.succeeded(65_000);

    expect(first).toEqual([undefined, undefined]);
    expect(degraded).toMatchObject({
      type: 'MonitorDegraded',
      cluster: 'sqs:mona-events',
      region: 'eu-west-1',
      failures: 3,
      id: 'sqs:mona-events/MonitorDegraded@1000',
    });
    expect(degraded?.reason).toContain('ServiceUnavailable');
    expect(again).toBeUndefined();
    expect(recovered).toMatchObject({ type: 'MonitorRecovered', failedSweeps: 4, durationSeconds: 63 });
    expect(quiet).toBeUndefined();
    expect(health.degraded).toBe(false);
  });

  it('forgets a short run of failures once the queue answers', () => {
    const health = new QueueHealth('q', 'eu-west-1', 2);

    health.failed('x', 1);
    health.succeeded(2);
    const afterOne = health.failed('x', 3);

    expect(afterOne).toBeUndefined();
  });

  it('tells the queue notices from a cluster outage', () => {
    const health = new QueueHealth('q', 'eu-west-1', 1);
    const notice = health.failed('x', 1);

    expect(notice && isEventsQueueNotice(notice)).toBe(true);
    expect(isEventsQueueNotice({ ...notice!, cluster: 'prod' })).toBe(false);
  });
});
