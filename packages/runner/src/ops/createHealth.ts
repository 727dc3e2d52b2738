import type { SweepOutcome } from '@mona-ecs/core';

/** Liveness and readiness computed from sweep outcomes. */
export interface Health {
  /** Record a sweep outcome of one cluster. */
  record(outcome: SweepOutcome): void;
  /** Every cluster had a good sweep (or the monitor started) less than `staleAfterMs` ago. */
  healthy(): boolean;
  /** Every cluster has finished its first sweep, good or bad. */
  ready(): boolean;
  /** Per-cluster detail for the endpoint bodies. */
  status(): { cluster: string; lastGoodSweepAt?: number; swept: boolean; stale: boolean }[];
}

/**
 * Track sweep outcomes per cluster. Health allows `3 × checkIntervalSeconds + 30 s` since the
 * last good sweep: one slow or failed tick is not an outage, three in a row are (the same count
 * as MonitorDegraded's default), and 30 s absorbs a throttled sweep. Before the first good sweep,
 * the monitor's start time stands in, so a fresh process is healthy while it warms up.
 *
 * @example
 * const health = createHealth(['prod'], { checkIntervalSeconds: 10, now: () => Date.now() });
 */
export function createHealth(clusters: readonly string[], options: { checkIntervalSeconds: number; now: () => number }): Health {
  const staleAfterMs = (3 * options.checkIntervalSeconds + 30) * 1000;
  const startedAt = options.now();
  const lastGood = new Map<string, number>();
  const swept = new Set<string>();
  const isStale = (cluster: string) => options.now() - (lastGood.get(cluster) ?? startedAt) >= staleAfterMs;
  return {
    record(outcome) {
      swept.add(outcome.cluster);
      if (outcome.kind === 'snapshot') lastGood.set(outcome.cluster, options.now());
    },
    healthy: () => clusters.every((c) => !isStale(c)),
    ready: () => clusters.every((c) => swept.has(c)),
    status: () =>
      clusters.map((cluster) => {
        const at = lastGood.get(cluster);
        return { cluster, swept: swept.has(cluster), stale: isStale(cluster), ...(at === undefined ? {} : { lastGoodSweepAt: at }) };
      }),
  };
}
