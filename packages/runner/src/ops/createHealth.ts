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
  /** With replicas: whether this replica holds the cluster (only held clusters count). */
  held?: boolean;
}

/** Liveness and readiness computed from sweep outcomes. */
export interface Health {
  /** Record a sweep outcome of one cluster. */
  record(outcome: SweepOutcome): void;
  /** Every watched cluster had a good sweep (or the monitor started, or took it) less than `staleAfterMs` ago. */
  healthy(): boolean;
  /** Every watched cluster has finished its first sweep (since it was taken), good or bad. */
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
 * With replicas, `heldSince` says which clusters this replica watches and since when: only
 * those count, so a replica holding none is healthy and ready, and a cluster just taken over
 * is judged from the takeover, not from an earlier spell of holding it; and `leasesHealthy`
 * makes a replica that cannot reach the lease table unhealthy (it watches nothing).
 *
 * @example
 * const health = createHealth([{ cluster: 'prod', region: 'eu-west-1' }], { checkIntervalSeconds: 10, now: () => Date.now() });
 */
export function createHealth(
  clusters: readonly ClusterRef[],
  options: {
    checkIntervalSeconds: number;
    now: () => number;
    heldSince?: (key: string) => number | undefined;
    /** With replicas: false while the replica cannot keep its leases (the state table is unreachable). */
    leasesHealthy?: () => boolean;
  },
): Health {
  const staleAfterMs = (3 * options.checkIntervalSeconds + 30) * 1000;
  const startedAt = options.now();
  const { heldSince } = options;
  const lastGood = new Map<string, number>();
  const lastError = new Map<string, string>();
  const lastSwept = new Map<string, number>();
  // With replicas a cluster counts from when it was taken; without, from the start.
  const since = (key: string) => (heldSince === undefined ? startedAt : (heldSince(key) ?? startedAt));
  const isStale = (key: string) => options.now() - Math.max(lastGood.get(key) ?? startedAt, since(key)) >= staleAfterMs;
  const isSwept = (key: string) => (lastSwept.get(key) ?? Number.NEGATIVE_INFINITY) >= since(key);
  const keys = clusters.map(clusterKey);
  const watched = () => (heldSince === undefined ? keys : keys.filter((key) => heldSince(key) !== undefined));
  return {
    record(outcome) {
      const key = clusterKey(outcome);
      lastSwept.set(key, options.now());
      if (outcome.kind === 'snapshot') {
        lastGood.set(key, options.now());
        lastError.delete(key);
      } else lastError.set(key, outcome.error.code ?? outcome.error.name);
    },
    healthy: () => options.leasesHealthy?.() !== false && watched().every((key) => !isStale(key)),
    ready: () => watched().every(isSwept),
    status: () =>
      clusters.map((ref, i) => {
        const key = keys[i] ?? clusterKey(ref);
        const at = lastGood.get(key);
        const error = lastError.get(key);
        return {
          cluster: ref.cluster,
          region: ref.region,
          ...(ref.account ? { account: ref.account } : {}),
          swept: isSwept(key),
          stale: isStale(key),
          ...(heldSince === undefined ? {} : { held: heldSince(key) !== undefined }),
          ...(at === undefined ? {} : { lastGoodSweepAt: at }),
          ...(error === undefined ? {} : { lastError: error }),
        };
      }),
  };
}
