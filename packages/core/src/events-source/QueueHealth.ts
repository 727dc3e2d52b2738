import type { MonitorDegraded, MonitorEvent, MonitorRecovered } from '../model/events.js';

/** The `cluster` of the events queue's own MonitorDegraded / MonitorRecovered starts with this. */
export const EVENTS_QUEUE_PREFIX = 'sqs:';

/**
 * True for the events queue's MonitorDegraded / MonitorRecovered (not a cluster's): the queue
 * carries the events of every watched cluster, so a route by cluster lets them through.
 *
 * @example
 * isEventsQueueNotice(event); // true for cluster 'sqs:mona-events'
 */
export function isEventsQueueNotice(event: MonitorEvent): boolean {
  return (event.type === 'MonitorDegraded' || event.type === 'MonitorRecovered') && event.cluster.startsWith(EVENTS_QUEUE_PREFIX);
}

/**
 * Whether the events queue answers: after `degradedAfterFailures` failed ReceiveMessage calls
 * in a row it says so once (a `MonitorDegraded` whose `cluster` is `sqs:<queue>`), and the
 * first good receive after that gives the `MonitorRecovered`. The same two event types as a
 * cluster's outage, so every sender, template and route already knows them.
 *
 * @example
 * const health = new QueueHealth('mona-events', 'eu-west-1', 3);
 * const event = health.failed('ServiceUnavailable: …', Date.now()); // the third in a row: MonitorDegraded
 */
export class QueueHealth {
  private failures = 0;
  private since: number | undefined;
  private lastGoodAt: number | undefined;
  private down = false;

  constructor(
    readonly queueName: string,
    readonly region: string,
    private readonly degradedAfterFailures: number,
  ) {}

  get degraded(): boolean {
    return this.down;
  }

  failed(reason: string, at: number): MonitorDegraded | undefined {
    this.failures += 1;
    this.since ??= at;
    if (this.down || this.failures < Math.max(1, this.degradedAfterFailures)) return undefined;
    this.down = true;
    return {
      type: 'MonitorDegraded',
      id: `${this.cluster}/MonitorDegraded@${this.since}`,
      cluster: this.cluster,
      region: this.region,
      observedAt: at,
      failures: this.failures,
      reason: `the ECS events queue is unreachable (${reason}); polling every checkIntervalSeconds until it answers`,
    };
  }

  succeeded(at: number): MonitorRecovered | undefined {
    const wasDown = this.down;
    const failures = this.failures;
    const since = this.since ?? at;
    const outageStart = this.lastGoodAt ?? since;
    this.failures = 0;
    this.since = undefined;
    this.down = false;
    this.lastGoodAt = at;
    if (!wasDown) return undefined;
    return {
      type: 'MonitorRecovered',
      id: `${this.cluster}/MonitorRecovered@${since}`,
      cluster: this.cluster,
      region: this.region,
      observedAt: at,
      durationSeconds: Math.max(0, Math.round((at - outageStart) / 1000)),
      failedSweeps: failures,
    };
  }

  private get cluster(): string {
    return `${EVENTS_QUEUE_PREFIX}${this.queueName}`;
  }
}
