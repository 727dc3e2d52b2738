import { clusterKey } from '../model/clusterKey.js';
import type { ClusterRef, SweepOutcome } from '../model/snapshot.js';
import type { SnapshotSource } from '../model/source.js';
import type { EcsCallContext } from './callEcs.js';
import { ecsClientCache } from './createEcsClient.js';
import { describeCluster } from './describeCluster.js';
import { IncompleteLog } from './IncompleteLog.js';
import { DEFAULT_ECS_SOURCE_OPTIONS } from './EcsSourceOptions.js';
import type { EcsSourceOptions } from './EcsSourceOptions.js';
import { EventCursors } from './EventCursors.js';
import { listServiceNames } from './listServiceNames.js';
import { sharedRateLimiter } from './sharedRateLimiter.js';
import { sweepFailure } from './sweepFailure.js';

/** What the source remembers about one cluster between ticks. */
interface ClusterMemory {
  names: string[] | undefined;
  listedAtTick: number;
  /** Services that left the listing, reported as missing by the next successful sweep. */
  unlisted: string[];
  cursors: EventCursors;
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
export function createEcsSource(options: EcsSourceOptions = {}): SnapshotSource {
  const refreshEvery = Math.max(1, options.refreshServicesInterval ?? DEFAULT_ECS_SOURCE_OPTIONS.refreshServicesInterval);
  const maxConcurrency = Math.max(1, options.maxConcurrency ?? DEFAULT_ECS_SOURCE_OPTIONS.maxConcurrency);
  const maxEvents = Math.max(0, options.maxEventsPerService ?? DEFAULT_ECS_SOURCE_OPTIONS.maxEventsPerService);
  const override = options.serviceNamesOverride?.length ? [...options.serviceNamesOverride] : undefined;
  const now = options.now ?? Date.now;
  const { client, rateLimiter, endpoint } = options;
  const clientFor = options.clientFor ?? (client ? () => client : ecsClientCache(endpoint ? { endpoint } : {}));
  const limiterFor = (region: string) => rateLimiter ?? sharedRateLimiter(region, endpoint, options.rateLimit);
  const memories = new Map<string, ClusterMemory>();

  const memoryOf = (ref: ClusterRef): ClusterMemory => {
    const key = clusterKey(ref);
    let memory = memories.get(key);
    if (!memory) {
      memory = { names: override, listedAtTick: 0, unlisted: [], cursors: new EventCursors(maxEvents), incomplete: new IncompleteLog() };
      memories.set(key, memory);
    }
    return memory;
  };

  return {
    async sweep(ref, tick, signal) {
      const memory = memoryOf(ref);
      const ctx: EcsCallContext = { client: clientFor(ref.region), limiter: limiterFor(ref.region), now, hooks: options.hooks, signal };
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
        const outcome = await describeCluster(ctx, ref, memory.names ?? [], {
          maxConcurrency,
          cursors: memory.cursors,
          logger: options.logger,
          maxEvents,
        });
        memory.incomplete.note(ref, outcome, options.logger);
        return withUnlisted(outcome, memory);
      } catch (error) {
        // debug, not warn: the stream logs every failed sweep once, with its cluster.
        options.logger?.debug({ cluster: ref.cluster, region: ref.region, err: error }, 'ECS sweep failed');
        return sweepFailure(ref, now(), error);
      }
    },
  };
}

/** Lists the cluster again and remembers which services left the listing. */
async function relist(ctx: EcsCallContext, ref: ClusterRef, memory: ClusterMemory, tick: number): Promise<void> {
  const names = await listServiceNames(ctx, ref.cluster);
  if (memory.names) {
    const current = new Set(names);
    for (const name of memory.names) {
      if (!current.has(name)) {
        memory.unlisted.push(name);
        memory.cursors.forget(name);
      }
    }
  }
  memory.names = names;
  memory.listedAtTick = tick;
}

/** Hands the pending unlisted services to a successful snapshot, once. */
function withUnlisted(outcome: SweepOutcome, memory: ClusterMemory): SweepOutcome {
  if (outcome.kind !== 'snapshot' || memory.unlisted.length === 0) return outcome;
  const listed = new Set(memory.names);
  for (const name of memory.unlisted) {
    if (!listed.has(name) && !outcome.missing.includes(name)) outcome.missing.push(name);
  }
  memory.unlisted = [];
  return outcome;
}
