import { from, map } from 'rxjs';
import type { ObservableInput } from 'rxjs';
import { parseSweepOutcome } from './parseSweepOutcome.js';
import type { ClusterRef, SweepOutcome } from './snapshot.js';

/** Any source of sweeps: a `SnapshotSource` (promises) or one answering observables. */
export interface AnySweepSource {
  sweep(cluster: ClusterRef, tick: number, signal: AbortSignal): ObservableInput<SweepOutcome>;
}

/**
 * A source whose answers are checked before the reducer sees them: an answer that is not a
 * `SweepOutcome` errors with a `SnapshotError` (code `MONA_SNAPSHOT_INVALID`) naming what is
 * wrong, which the pipeline turns into a failed sweep (logged, counted towards
 * MonitorDegraded, its message in the notification). The pipeline wraps every injected source.
 *
 * @example
 * monitorClusters({ clusters, source: validatedSource(myThirdPartySource) });
 */
export function validatedSource(source: AnySweepSource): AnySweepSource {
  return {
    sweep: (cluster, tick, signal) =>
      from(source.sweep(cluster, tick, signal)).pipe(
        map((outcome) =>
          parseSweepOutcome(outcome, {
            where: `the answer of the snapshot source for cluster ${cluster.cluster} (${cluster.region}) at tick ${tick}`,
            fix: 'A SnapshotSource must resolve to a ClusterSnapshot or a SweepFailure (see "Writing a snapshot source" in the @mona-ecs/core README)',
          }),
        ),
      ),
  };
}
