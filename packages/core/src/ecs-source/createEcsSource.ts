import { clusterKey } from '../model/clusterKey.js';
import type { ClusterRef, SweepOutcome } from '../model/snapshot.js';
import type { DescribingSource, SnapshotSource } from '../model/source.js';
import type { AwsTimeouts } from './awsTimeouts.js';
import type { EcsCallContext } from './callEcs.js';
import { ecsClientCache } from './createEcsClient.js';
import type { EcsClientFor } from './createEcsClient.js';
import { describeCluster } from './describeCluster.js';
import { describeNames } from './describeNames.js';
import { DEFAULT_ECS_SOURCE_OPTIONS } from './EcsSourceOptions.js';
import type { EcsSourceOptions } from './EcsSourceOptions.js';
import { EventCursors } from './EventCursors.js';
import { IncompleteLog } from './IncompleteLog.js';
import { listServiceNames } from './listServiceNames.js';
import { sharedRateLimiter } from './sharedRateLimiter.js';
import { sweepFailure } from './sweepFailure.js';
import { deadlineMs, sweepDeadline } from './sweepDeadline.js';

/** What the source remembers about one cluster between ticks. */
interface ClusterMemory {
  /** The last complete listing (or the override), in ECS's order. */
  names: string[] | undefined;
  listedAtTick: number;
  /**
   * Services that left the listing. They are still described: only DescribeServices' verdict
   * (MISSING, DRAINING, INACTIVE) removes a service, never its absence from a listing (an empty
   * page, or a listing that lags behind, says nothing about a service).
   */
  unlisted: Set<string>;
  cursors: EventCursors;
  /** Services answered without their counts: logged once each, not every sweep. */
  incomplete: IncompleteLog;
}

/**
 * The `SnapshotSource` over the ECS API: ListServices (every `refreshServicesInterval` ticks,
 * paginated by 100) and DescribeServices (batches of 10, bounded concurrency), every call paced
 * by the region's shared token bucket. `sweep` never rejects: a failed listing, or a sweep whose
 * every batch failed, comes back as a `SweepFailure`.
 *
 * @example
 * const source = createEcsSource({ refreshServicesInterval: 20, rateLimit: { requestsPerSecond: 5 } });
 * const outcome = await source.sweep({ cluster: 'prod', region: 'eu-west-1' }, 0);
 * if (outcome.kind === 'snapshot') console.log(outcome.services.map((s) => s.name));
 */
export function createEcsSource(options: EcsSourceOptions = {}): SnapshotSource & DescribingSource {
  const refreshEvery = Math.max(1, options.refreshServicesInterval ?? DEFAULT_ECS_SOURCE_OPTIONS.refreshServicesInterval);
  const maxConcurrency = Math.max(1, options.maxConcurrency ?? DEFAULT_ECS_SOURCE_OPTIONS.maxConcurrency);
  const maxEvents = Math.max(0, options.maxEventsPerService ?? DEFAULT_ECS_SOURCE_OPTIONS.maxEventsPerService);
  const override = options.serviceNamesOverride?.length ? [...options.serviceNamesOverride] : undefined;
  const now = options.now ?? Date.now;
  const { client, rateLimiter, endpoint } = options;
  const defaultClients = ecsClientCache({ ...(endpoint ? { endpoint } : {}), ...timeoutsOf(options), ...loggerOf(options) });
  const clientFor: EcsClientFor = options.clientFor ?? (client ? () => client : defaultClients);
  const limiterFor = (ref: ClusterRef) => rateLimiter ?? sharedRateLimiter(ref.region, endpoint, options.rateLimit, ref.account);
  const clientOf = (ref: ClusterRef) =>
    options.clientFor || client ? clientFor(ref.region, ref.account) : defaultClients(ref.region, ref.account, ref);
  const memories = new Map<string, ClusterMemory>();

  const memoryOf = (ref: ClusterRef): ClusterMemory => {
    const key = clusterKey(ref);
    let memory = memories.get(key);
    if (!memory) {
      memory = {
        names: override,
        listedAtTick: 0,
        unlisted: new Set(),
        cursors: new EventCursors(maxEvents),
        incomplete: new IncompleteLog(),
      };
      memories.set(key, memory);
    }
    return memory;
  };

  return {
    // Only the names ECS events marked dirty (see `describeNames`), through the same limiter.
    describe(ref, names, signal) {
      const memory = memoryOf(ref);
      const ctx: EcsCallContext = { client: clientOf(ref), limiter: limiterFor(ref), now, hooks: options.hooks, signal };
      return describeNames(ctx, ref, names, memory, {
        maxConcurrency,
        cursors: memory.cursors,
        logger: options.logger,
        maxEvents,
        override,
      });
    },
    async sweep(ref, tick, signal, onPart) {
      const memory = memoryOf(ref);
      const limiter = limiterFor(ref);
      const deadline = sweepDeadline(signal, deadlineMs(options.sweepTimeoutMs, describedNames(memory).length, limiter));
      const expired = () => sweepFailure(ref, now(), deadline.error(ref));
      const ctx: EcsCallContext = { client: clientOf(ref), limiter, now, hooks: options.hooks, signal: deadline.signal };
      try {
        // Tick 0 is the first sweep of a subscription: a re-subscription counts from 0 again, and
        // `tick - listedAtTick` would stay negative for as long as the previous one had run.
        if (!override && (memory.names === undefined || tick === 0 || tick - memory.listedAtTick >= refreshEvery)) {
          await relist(ctx, ref, memory, tick).catch((error: unknown) => {
            // A failed refresh is not a failed sweep: describe the services already known and
            // list again next tick. Without a first listing there is nothing to describe.
            if (memory.names === undefined) throw error;
            options.logger?.warn({ cluster: ref.cluster, region: ref.region, err: error }, 'ListServices refresh failed');
          });
        }
        if (deadline.expired()) return expired();
        const names = describedNames(memory);
        deadline.extend(deadlineMs(options.sweepTimeoutMs, names.length, limiter));
        const outcome = await describeCluster(ctx, ref, names, {
          maxConcurrency,
          cursors: memory.cursors,
          logger: options.logger,
          maxEvents,
          onPart,
        });
        // Out of time, even with some batches answered: the sweep did not finish, and says so.
        if (deadline.expired()) return expired();
        memory.incomplete.note(ref, outcome, options.logger);
        settleUnlisted(outcome, memory);
        return outcome;
      } catch (error) {
        if (deadline.expired()) return expired();
        // debug, not warn: the stream logs every failed sweep once, with its cluster.
        options.logger?.debug({ cluster: ref.cluster, region: ref.region, err: error }, 'ECS sweep failed');
        return sweepFailure(ref, now(), error);
      } finally {
        deadline.clear();
      }
    },
  };
}

/** The services a sweep describes: the listing, then those that left it and await ECS's verdict. */
function describedNames(memory: ClusterMemory): string[] {
  const names = memory.names ?? [];
  return memory.unlisted.size === 0 ? names : [...names, ...memory.unlisted];
}

/** Lists the cluster again; services that left the listing stay described until ECS gives a verdict. */
async function relist(ctx: EcsCallContext, ref: ClusterRef, memory: ClusterMemory, tick: number): Promise<void> {
  const names = await listServiceNames(ctx, ref.cluster);
  const current = new Set(names);
  for (const name of memory.unlisted) if (current.has(name)) memory.unlisted.delete(name);
  for (const name of memory.names ?? []) if (!current.has(name)) memory.unlisted.add(name);
  memory.names = names;
  memory.listedAtTick = tick;
}

/** Forgets the unlisted services that ECS now says are gone: the snapshot reports them once. */
function settleUnlisted(outcome: SweepOutcome, memory: ClusterMemory): void {
  if (outcome.kind !== 'snapshot' || memory.unlisted.size === 0) return;
  for (const name of outcome.missing) memory.unlisted.delete(name);
}

function timeoutsOf(options: EcsSourceOptions): AwsTimeouts {
  return {
    ...(options.connectTimeoutMs !== undefined ? { connectTimeoutMs: options.connectTimeoutMs } : {}),
    ...(options.requestTimeoutMs !== undefined ? { requestTimeoutMs: options.requestTimeoutMs } : {}),
  };
}

function loggerOf(options: EcsSourceOptions): { logger?: NonNullable<EcsSourceOptions['logger']> } {
  return options.logger ? { logger: options.logger } : {};
}
