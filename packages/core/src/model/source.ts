import type { ClusterRef, SweepOutcome } from './snapshot.js';

/**
 * Where snapshots come from. The ECS source (`createEcsSource`) implements it over the AWS SDK;
 * `@mona-ecs/core/testing` has a scripted one; a recording can be replayed through one.
 *
 * `sweep` never rejects: a failure is returned as a `SweepFailure` value so the stream goes on.
 * `tick` is the 0-based tick number, which the ECS source uses to decide when to re-list.
 */
export interface SnapshotSource {
  sweep(cluster: ClusterRef, tick: number, signal?: AbortSignal): Promise<SweepOutcome>;
}
