import { clusterKey, type ClusterRef } from '@mona-ecs/core';
import type { ClusterSnapshot, SweepOutcome } from '@mona-ecs/core/ecs';
import { EMPTY, from, mergeMap, type ObservableInput } from 'rxjs';
import type { LeaseKeeper } from './createLeaseKeeper.js';
import type { LeaseRounds } from './createLeaseRounds.js';

/** A snapshot source as the pipeline takes it: promises or observables. */
export interface LeasedSweepSource {
  sweep(cluster: ClusterRef, tick: number, signal: AbortSignal, onPart?: (part: ClusterSnapshot) => void): ObservableInput<SweepOutcome>;
}

/**
 * A snapshot source that sweeps only the clusters this replica holds: each sweep first waits
 * for the current lease round, then asks the inner source, or yields nothing (no API call, no
 * sweep outcome, no event) for a cluster another replica watches. The parts of a sweep
 * (`onPart`: each DescribeServices batch as it lands) go through as they come.
 *
 * @example
 * options.source = leasedSource(createEcsSource(options.ecs), keeper, rounds);
 */
export function leasedSource(inner: LeasedSweepSource, keeper: LeaseKeeper, rounds: LeaseRounds): LeasedSweepSource {
  return {
    sweep: (cluster, tick, signal, onPart) =>
      from(rounds.sync()).pipe(
        mergeMap(() => (keeper.holds(clusterKey(cluster)) ? from(inner.sweep(cluster, tick, signal, onPart)) : EMPTY)),
      ),
  };
}
