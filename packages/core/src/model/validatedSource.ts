import { from, map } from 'rxjs';
import type { ObservableInput } from 'rxjs';
import { SnapshotError, parseSweepOutcome } from './parseSweepOutcome.js';
import type { ClusterRef, ClusterSnapshot, SweepOutcome } from './snapshot.js';
import type { OnPart } from './source.js';

/** Any source of sweeps: a `SnapshotSource` (promises) or one answering observables. */
export interface AnySweepSource {
  sweep(cluster: ClusterRef, tick: number, signal: AbortSignal, onPart?: OnPart): ObservableInput<SweepOutcome>;
}

/**
 * A source whose answers are checked before the reducer sees them: an answer that is not a
 * `SweepOutcome` errors with a `SnapshotError` (code `MONA_SNAPSHOT_INVALID`) naming what is
 * wrong, which the pipeline turns into a failed sweep (logged, counted towards
 * MonitorDegraded, its message in the notification). The pipeline wraps every injected source.
 * Its parts (`onPart`) are checked too: an invalid part is not passed on, and fails the sweep.
 *
 * @example
 * monitorClusters({ clusters, source: validatedSource(myThirdPartySource) });
 */
export function validatedSource(source: AnySweepSource): AnySweepSource {
  return {
    sweep: (cluster, tick, signal, onPart) => {
      const parse = (value: unknown, what: string): SweepOutcome =>
        parseSweepOutcome(value, {
          where: `the ${what} of the snapshot source for cluster ${cluster.cluster} (${cluster.region}) at tick ${tick}`,
          fix: 'A SnapshotSource must resolve to a ClusterSnapshot or a SweepFailure, and pass parts as snapshots with `interim: true` (see "Writing a snapshot source" in the @mona-ecs/core README)',
        });
      let invalid: unknown;
      const parts: OnPart | undefined =
        onPart &&
        ((part) => {
          if (invalid !== undefined) return;
          try {
            const checked = parse(part, 'part');
            if (checked.kind !== 'snapshot' || checked.interim !== true) {
              const problem = 'a part of a sweep must be a snapshot with `interim: true`';
              throw new SnapshotError(`Invalid part of a sweep of cluster ${cluster.cluster} (${cluster.region}): ${problem}`, [problem]);
            }
            onPart(checked as ClusterSnapshot);
          } catch (error) {
            invalid = error;
          }
        });
      return from(source.sweep(cluster, tick, signal, parts)).pipe(
        map((outcome) => {
          if (invalid !== undefined) throw invalid;
          return parse(outcome, 'answer');
        }),
      );
    },
  };
}
