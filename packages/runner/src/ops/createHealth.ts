import { clusterKey } from '@mona-ecs/core';
import type { ClusterRef } from '@mona-ecs/core';
import type { SweepOutcome } from '@mona-ecs/core/ecs';

/** One cluster's line of `/healthz` and `/readyz`. */
export interface ClusterHealth {
  cluster: string;
  region: string;
  /** The cluster's account label, for a cluster watched in another account. */
  account?: string;
  /** Code of the latest sweep's failure (`MONA_ASSUME_ROLE_FAILED`, `ThrottlingException`, …); absent after a good sweep. */
  lastError?: string;
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
 * Track sweep outcomes per cluster, keyed by `clusterKey` (so `prod` in two regions or two
 * accounts is two clusters, each with its own line, naming its account). Health allows `3 × checkIntervalSeconds + 30 s` since the
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
  const lastError = new Map<string, string>();
  const isStale = (key: string) => options.now() - (lastGood.get(key) ?? startedAt) >= staleAfterMs;
  const keys = clusters.map(clusterKey);
  return {
    record(outcome) {
      const key = clusterKey(outcome);
      swept.add(key);
      if (outcome.kind === 'snapshot') {
        lastGood.set(key, options.now());
        lastError.delete(key);
      } else lastError.set(key, outcome.error.code ?? outcome.error.name);
    },
    healthy: () => keys.every((key) => !isStale(key)),
    ready: () => keys.every((key) => swept.has(key)),
    status: () =>
      clusters.map((ref, i) => {
        const key = keys[i] ?? clusterKey(ref);
        const at = lastGood.get(key);
        const error = lastError.get(key);
        return {
          cluster: ref.cluster,
          region: ref.region,
          ...(ref.account ? { account: ref.account } : {}),
          swept: swept.has(key),
          stale: isStale(key),
          ...(at === undefined ? {} : { lastGoodSweepAt: at }),
          ...(error === undefined ? {} : { lastError: error }),
        };
      }),
  };
}
