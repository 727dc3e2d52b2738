import { clusterKey, type ClusterRef } from '@mona-ecs/core';
import type { ClusterSnapshot, SweepOutcome } from '@mona-ecs/core/ecs';
import { EMPTY, from, mergeMap, type ObservableInput } from 'rxjs';
import type { LeaseKeeper } from './createLeaseKeeper.js';
import type { LeaseRounds } from './createLeaseRounds.js';

/** A snapshot source as the pipeline takes it: promises or observables; `describe` when ECS events are on. */
export interface LeasedSweepSource {
  sweep(cluster: ClusterRef, tick: number, signal: AbortSignal, onPart?: (part: ClusterSnapshot) => void): ObservableInput<SweepOutcome>;
  describe?(cluster: ClusterRef, names: readonly string[], signal?: AbortSignal): Promise<SweepOutcome>;
  holds?(cluster: ClusterRef): boolean;
}

/**
 * A snapshot source that sweeps only the clusters this replica holds: each sweep first waits
 * for the current lease round, then asks the inner source, or yields nothing (no API call, no
 * sweep outcome, no event) for a cluster another replica watches. The parts of a sweep
 * (`onPart`: each DescribeServices batch as it lands) go through as they come. So do the
 * describes of services an ECS event named (`describe`), for held clusters only: `holds` tells
 * the events input, which leaves a message about another replica's cluster on the queue (it
 * comes back, after its visibility timeout, to any replica); a describe that comes anyway (the
 * lease was lost in between) fails without an API call.
 *
 * @example
 * options.source = leasedSource(createEcsSource(options.ecs), keeper, rounds);
 */
export function leasedSource(inner: LeasedSweepSource, keeper: LeaseKeeper, rounds: LeaseRounds): LeasedSweepSource {
  const leased: LeasedSweepSource = {
    sweep: (cluster, tick, signal, onPart) =>
      from(rounds.sync()).pipe(
        mergeMap(() => (keeper.holds(clusterKey(cluster)) ? from(inner.sweep(cluster, tick, signal, onPart)) : EMPTY)),
      ),
  };
  const describe = inner.describe?.bind(inner);
  if (describe) {
    const holds = (cluster: ClusterRef): boolean => keeper.holds(clusterKey(cluster));
    leased.holds = holds;
    // A guard behind `holds` (which the events input asks first): a lease lost in between.
    leased.describe = async (cluster, names, signal) => {
      if (holds(cluster)) return describe(cluster, names, signal);
      const error = { name: 'NotHeld', code: 'MONA_CLUSTER_NOT_HELD', message: 'another replica watches this cluster' };
      return { kind: 'failure', cluster: cluster.cluster, region: cluster.region, observedAt: Date.now(), error };
    };
  }
  return leased;
}
