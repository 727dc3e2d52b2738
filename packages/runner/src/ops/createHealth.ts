import { clusterKey } from '@mona-ecs/core';
import type { ClusterRef } from '@mona-ecs/core';
import type { SweepOutcome } from '@mona-ecs/core/ecs';

/** One cluster's line of `/healthz` and `/readyz`. */
export interface ClusterHealth {
  cluster: string;
  region: string;
  lastGoodSweepAt?: number;
  swept: boolean;
  stale: boolean;
}

/** Liveness and readiness computed from sweep outcomes. */
export interface Health {
  /** Record a sweep outcome of one cluster. */
  record(outcome: SweepOutcome): void;
  /** Every cluster had a good sweep (or the monitor started) less than `staleAfterMs` ago. */
  healthy(): boolean;
  /** Every cluster has finished its first sweep, good or bad. */
  ready(): boolean;
  /** Per-cluster detail for the endpoint bodies, one entry per cluster (name and region). */
  status(): ClusterHealth[];
}

/**
 * Track sweep outcomes per cluster, keyed by `clusterKey` (so `prod` in two regions is two
 * clusters, each with its own line). Health allows `3 × checkIntervalSeconds + 30 s` since the
 * last good sweep: one slow or failed tick is not an outage, three in a row are (the same count
 * as MonitorDegraded's default), and 30 s absorbs a throttled sweep. Before the first good sweep,
 * the monitor's start time stands in, so a fresh process is healthy while it warms up.
 *
 * @example
 * const health = createHealth([{ cluster: 'prod', region: 'eu-west-1' }], { checkIntervalSeconds: 10, now: () => Date.now() });
 */
export function createHealth(clusters: readonly ClusterRef[], options: { checkIntervalSeconds: number; now: () => number }): Health {
  const staleAfterMs = (3 * options.checkIntervalSeconds + 30) * 1000;
  const startedAt = options.now();
  const lastGood = new Map<string, number>();
  const swept = new Set<string>();
  const isStale = (key: string) => options.now() - (lastGood.get(key) ?? startedAt) >= staleAfterMs;
  const keys = clusters.map(clusterKey);
  return {
    record(outcome) {
      const key = clusterKey(outcome);
      swept.add(key);
      if (outcome.kind === 'snapshot') lastGood.set(key, options.now());
    },
    healthy: () => keys.every((key) => !isStale(key)),
    ready: () => keys.every((key) => swept.has(key)),
    status: () =>
      clusters.map(({ cluster, region }, i) => {
        const key = keys[i] ?? clusterKey({ cluster, region });
        const at = lastGood.get(key);
        return { cluster, region, swept: swept.has(key), stale: isStale(key), ...(at === undefined ? {} : { lastGoodSweepAt: at }) };
      }),
  };
}
