import { Counter, Gauge, Histogram, Registry } from 'prom-client';

/**
 * The runner's Prometheus metrics, on their own Registry (never the global one). Cluster series
 * carry `account` only for clusters watched in another account (single-account series are as before).
 */
export interface MonaMetrics {
  registry: Registry;
  sweeps: Counter<'account' | 'cluster' | 'region' | 'result'>;
  sweepDuration: Histogram<'account' | 'cluster' | 'region'>;
  ecsApiCalls: Counter<'action' | 'result'>;
  events: Counter<'type'>;
  notifications: Counter<'sender' | 'result'>;
  deliveryLatency: Histogram<'sender'>;
  servicesMonitored: Gauge<'account' | 'cluster' | 'region'>;
  lastGoodSweep: Gauge<'account' | 'cluster' | 'region'>;
  /** With replicas (DynamoDB state): 1 while this replica holds the cluster's lease, else 0. */
  leaseHeld: Gauge<'account' | 'cluster' | 'region'>;
  /** With replicas: live replicas this one counted in its last lease round. */
  replicas: Gauge;
  /** With `events` on: each queue message by what came of it. */
  eventMessages: Counter<'result'>;
  /** With `events` on: 1 while the queue answers, 0 after a failed receive. */
  eventsQueueUp: Gauge;
}

/**
 * Create the metrics listed in the runner README. Each call makes a fresh Registry, so several
 * monitors (or tests) in one process never collide.
 *
 * @example
 * const metrics = createMetrics();
 * metrics.sweeps.inc({ cluster: 'prod', result: 'success' });
 * const text = await metrics.registry.metrics();
 */
export function createMetrics(): MonaMetrics {
  const registry = new Registry();
  const registers = [registry];
  return {
    registry,
    sweeps: new Counter({
      name: 'mona_sweeps_total',
      help: 'Sweeps of a cluster by result (success, partial, failure).',
      labelNames: ['account', 'cluster', 'region', 'result'],
      registers,
    }),
    sweepDuration: new Histogram({
      name: 'mona_sweep_duration_seconds',
      help: 'Duration of one sweep of one cluster.',
      labelNames: ['account', 'cluster', 'region'],
      buckets: [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
      registers,
    }),
    ecsApiCalls: new Counter({
      name: 'mona_ecs_api_calls_total',
      help: 'ECS API calls by action and result (ok, or the error name).',
      labelNames: ['action', 'result'],
      registers,
    }),
    events: new Counter({ name: 'mona_events_total', help: 'Monitor events by type.', labelNames: ['type'], registers }),
    notifications: new Counter({
      name: 'mona_notifications_total',
      help: 'Notifications by sender and final outcome (delivered, dropped, overflow).',
      labelNames: ['sender', 'result'],
      registers,
    }),
    deliveryLatency: new Histogram({
      name: 'mona_delivery_latency_seconds',
      help: 'Time from enqueue to delivery, per sender.',
      labelNames: ['sender'],
      buckets: [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60],
      registers,
    }),
    servicesMonitored: new Gauge({
      name: 'mona_services_monitored',
      help: 'Live services (not DRAINING/INACTIVE) in the latest good snapshot of a cluster.',
      labelNames: ['account', 'cluster', 'region'],
      registers,
    }),
    lastGoodSweep: new Gauge({
      name: 'mona_last_good_sweep_timestamp_seconds',
      help: 'Unix time of the latest successful sweep of a cluster.',
      labelNames: ['account', 'cluster', 'region'],
      registers,
    }),
    leaseHeld: new Gauge({
      name: 'mona_cluster_lease_held',
      help: 'With replicas: 1 while this replica holds the cluster (watches it), else 0.',
      labelNames: ['account', 'cluster', 'region'],
      registers,
    }),
    replicas: new Gauge({
      name: 'mona_replicas_live',
      help: 'With replicas: live replicas (heartbeats not expired) in the latest lease round, this one included.',
      registers,
    }),
    eventMessages: new Counter({
      name: 'mona_ecs_event_messages_total',
      help: 'ECS events queue messages by result (hint, kept, malformed, ignored, unwatched).',
      labelNames: ['result'],
      registers,
    }),
    eventsQueueUp: new Gauge({
      name: 'mona_ecs_events_queue_up',
      help: 'Whether the last ReceiveMessage on the ECS events queue answered (1) or failed (0).',
      registers,
    }),
  };
}
