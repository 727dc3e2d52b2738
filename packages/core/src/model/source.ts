import type { ClusterRef, ClusterSnapshot, SweepOutcome } from './snapshot.js';

/** Takes each part of a sweep as it lands (an `interim` snapshot), before the sweep's own outcome. */
export type OnPart = (part: ClusterSnapshot) => void;

/**
 * Where snapshots come from. The ECS source (`createEcsSource`) implements it over the AWS SDK;
 * `@mona-ecs/core/testing` has a scripted one; a recording can be replayed through one.
 *
 * `sweep` never rejects: a failure is returned as a `SweepFailure` value so the stream goes on.
 * `tick` is the 0-based tick number, which the ECS source uses to decide when to re-list.
 *
 * With `onPart`, a source may pass on each part of the sweep as it lands (a snapshot with
 * `interim: true`, e.g. one DescribeServices batch), so the reducer tells what it shows without
 * waiting for the whole sweep; the sweep then resolves to its whole snapshot marked `streamed:
 * true`. A source that ignores `onPart` resolves to the whole snapshot, as before.
 */
export interface SnapshotSource {
  sweep(cluster: ClusterRef, tick: number, signal?: AbortSignal, onPart?: OnPart): Promise<SweepOutcome>;
}

/**
 * A source that can also describe a few named services of a cluster (the ECS events input's
 * dirty services) and answer with an `interim` snapshot. `createEcsSource` is one.
 *
 * @example
 * const outcome = await source.describe({ cluster: 'prod', region: 'eu-west-1' }, ['api', 'web']);
 */
export interface DescribingSource {
  describe(cluster: ClusterRef, names: readonly string[], signal?: AbortSignal): Promise<SweepOutcome>;
  /**
   * Whether this source answers for `cluster` now (with replicas: this replica holds its lease).
   * Absent means always. The events input leaves a message about a cluster it does not hold on
   * the queue, undescribed, for the replica that does.
   */
  holds?(cluster: ClusterRef): boolean;
}
