import { isGone } from '../model/snapshot.js';
import type { ClusterRef, SweepOutcome } from '../model/snapshot.js';
import type { EcsCallContext } from './callEcs.js';
import { describeCluster } from './describeCluster.js';
import type { DescribeClusterOptions } from './describeCluster.js';
import type { EventCursors } from './EventCursors.js';
import type { IncompleteLog } from './IncompleteLog.js';

/** What `describeNames` reads and updates of the source's memory of a cluster. */
export interface DescribedMemory {
  names: string[] | undefined;
  unlisted: Set<string>;
  cursors: EventCursors;
  incomplete: IncompleteLog;
}

/**
 * Describes only `names` of a cluster (the services an ECS event marked dirty), through the
 * same calls, cursors and limiter as a sweep, and returns an `interim` snapshot: each service
 * in it is applied at once, nothing is concluded from the services it did not ask for, and it
 * counts towards no health and no baseline (it is not a sweep). A live service the listing does not have yet (it
 * was created after the last ListServices) joins the listing, so the next sweep keeps
 * describing it instead of reading its absence as removal; with `override`, names outside it
 * are not described at all.
 *
 * @example
 * const outcome = await describeNames(ctx, ref, ['api'], memory, { maxConcurrency: 4, cursors: memory.cursors });
 */
export async function describeNames(
  ctx: EcsCallContext,
  ref: ClusterRef,
  names: readonly string[],
  memory: DescribedMemory,
  options: DescribeClusterOptions & { override?: readonly string[] | undefined },
): Promise<SweepOutcome> {
  const override = options.override ? new Set(options.override) : undefined;
  const wanted = override ? names.filter((name) => override.has(name)) : [...names];
  const outcome = await describeCluster(ctx, ref, wanted, options);
  if (outcome.kind !== 'snapshot') return outcome;
  memory.incomplete.note(ref, outcome, options.logger);
  const listed = new Set(memory.names ?? []);
  for (const service of outcome.services) {
    if (!isGone(service.status) && !listed.has(service.name) && !memory.unlisted.has(service.name)) {
      (memory.names ??= []).push(service.name);
    }
  }
  for (const name of outcome.missing) memory.unlisted.delete(name);
  return { ...outcome, interim: true };
}
