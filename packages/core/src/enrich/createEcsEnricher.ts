import { clusterKey } from '../model/clusterKey.js';
import type { CloudTrailClient } from '@aws-sdk/client-cloudtrail';
import type { ECSClient } from '@aws-sdk/client-ecs';
import { LRUCache } from 'lru-cache';
import { MonaError } from '../errors.js';
import { RateLimiter } from '../ecs-source/RateLimiter.js';
import type { EventContext, StoppedTask } from '../model/context.js';
import type { EnrichInput, Enricher } from '../model/enricher.js';
import type { ServiceEvent } from '../model/events.js';
import type { Logger } from '../model/logger.js';
import { collectLookups, type Lookup } from './collectLookups.js';
import { containerChanges } from './containerChanges.js';
import type { Limiter } from './Limiter.js';
import { lookupDeployer } from './lookupDeployer.js';
import { listStoppedTasks, stoppedSince } from './lookupStoppedTasks.js';
import { TaskDefinitionCache } from './TaskDefinitionCache.js';
import { troubleMessages } from './troubleMessages.js';
import type { TaskStopHints } from '../events-source/TaskStopHints.js';

export interface EcsEnricherOptions {
  /** The ECS client of an account and region (`ecsClientCache`); `account` is the event's. */
  clientFor(region: string, account?: string): ECSClient;
  /** Needed only with `whoDeployed`; may build the client lazily (see `cloudTrailClientCache`). */
  cloudTrailFor?(region: string): CloudTrailClient | Promise<CloudTrailClient>;
  /** Look up who deployed in CloudTrail (opt-in: needs `cloudtrail:LookupEvents`). */
  whoDeployed?: boolean;
  /**
   * For DescribeTaskDefinition, which ECS throttles in its own bucket (task definition reads),
   * not the DescribeServices/ListServices bucket of the sweeps. Default: 5/s, burst 10, per
   * region: a burst of deployments never takes tokens from the sweeps that detect them.
   */
  rateLimiter?: Limiter;
  /** The ECS endpoint the clients talk to, as given to the ECS source (an emulator, a VPC endpoint). */
  endpoint?: string;
  /** For ListTasks/DescribeTasks, which ECS throttles in their own bucket. Default: 5/s, burst 10, per region. */
  tasksRateLimiter?: Limiter;
  /** For CloudTrail LookupEvents (2/s per account and region). Default: 2/s, burst 2, per region. */
  cloudTrailRateLimiter?: Limiter;
  logger?: Logger;
  /** How far back a crash looks for stopped tasks (ms). Default 10 minutes. */
  crashLookbackMs?: number;
  /**
   * Stopped tasks from ECS Task State Change events (the events input's `hints`): when they
   * have tasks stopped since the phase began, they are used instead of ListTasks/DescribeTasks.
   */
  taskStopHints?: TaskStopHints;
  /** Task definitions kept in the cache. Default 256. */
  taskDefinitionCacheSize?: number;
}

const STOPPED_TASK_TYPES = new Set(['TaskCrashed', 'DeploymentFailed', 'RollbackStarted', 'DeploymentTimedOut', 'TasksFailing']);
const DEFAULT_CRASH_LOOKBACK_MS = 10 * 60_000;
const DEPLOYERS_KEPT = 256;
/** Stopped-task listings kept for the other events of the same sweep (a failure and its rollback). */
const LISTINGS_KEPT = 64;

/**
 * An `Enricher` over the ECS and CloudTrail APIs. Per event, in parallel:
 * stopped tasks (TaskCrashed, DeploymentFailed, RollbackStarted, DeploymentTimedOut,
 * TasksFailing) with the service's trouble messages; per-container image, CPU and memory
 * changes (DeploymentStarted, DeploymentCompleted of a deploy or rollback, RollbackStarted);
 * and, opt-in, who deployed (DeploymentStarted and DeploymentCompleted of a deploy, since
 * CloudTrail may lag the start). A lookup that fails is logged and named in
 * `context.incomplete`; when the signal aborts, what is known so far is returned at once.
 * Throws `MonaError` `MONA_ENRICH_CONFIG` when `whoDeployed` is set without `cloudTrailFor`.
 *
 * @example
 * const enricher = createEcsEnricher({ clientFor: (region) => new ECSClient({ region }), whoDeployed: true,
 *   cloudTrailFor: (region) => new CloudTrailClient({ region }) });
 */
export function createEcsEnricher(options: EcsEnricherOptions): Enricher {
  if (options.whoDeployed && !options.cloudTrailFor) {
    throw new MonaError('MONA_ENRICH_CONFIG', 'whoDeployed needs cloudTrailFor(region): a CloudTrail client to look the deployer up with');
  }
  const cache = new TaskDefinitionCache(options.taskDefinitionCacheSize);
  const deployers = new LRUCache<string, string>({ max: DEPLOYERS_KEPT });
  // One sweep can give a service several events that want its stopped tasks (DeploymentFailed
  // and RollbackStarted when the circuit breaker fires): they share one listing, so a service
  // costs at most two task API calls per sweep. Only successful listings are kept.
  const listings = new LRUCache<string, StoppedTask[]>({ max: LISTINGS_KEPT });
  const perRegion = regionalLimiters(options);
  return {
    enrich(input: EnrichInput, signal: AbortSignal): Promise<EventContext | undefined> {
      const { event } = input;
      if (!('taskDef' in event)) return Promise.resolve(undefined);
      const region = event.region;
      const lookups: Lookup[] = [];
      const known: EventContext = {};
      if (STOPPED_TASK_TYPES.has(event.type)) {
        const messages = troubleMessages(input.service?.events ?? []);
        if (messages.length > 0) known.serviceEvents = messages;
        const since = phaseStart(input, event, options.crashLookbackMs ?? DEFAULT_CRASH_LOOKBACK_MS);
        lookups.push({
          name: 'stopped tasks',
          run: async () => {
            const hinted = options.taskStopHints?.stoppedSince(event, event.service, since) ?? [];
            if (hinted.length > 0) return stoppedSince(hinted, since);
            const key = `${clusterKey(event)}|${event.service}|${event.observedAt}`;
            let all = listings.get(key);
            if (all === undefined) {
              all = await listStoppedTasks(
                options.clientFor(region, event.account),
                perRegion.tasks(region, event.account),
                { cluster: event.cluster, service: event.service },
                signal,
              );
              listings.set(key, all);
            }
            const found = stoppedSince(all, since);
            return found.stoppedCount === 0 ? {} : found;
          },
        });
      }
      if (showsChanges(event) && event.previousTaskDef && event.previousTaskDef !== event.taskDef) {
        const [from, to] = [event.previousTaskDef, event.taskDef];
        lookups.push({
          name: 'task definition changes',
          run: async () => {
            const client = options.clientFor(region, event.account);
            const limiter = perRegion.ecs(region, event.account);
            const [before, after] = await Promise.all([cache.get(client, limiter, from, signal), cache.get(client, limiter, to, signal)]);
            const changes = containerChanges(before, after);
            return changes.length === 0 ? {} : { changes };
          },
        });
      }
      const cloudTrailFor = options.whoDeployed ? options.cloudTrailFor : undefined;
      if (cloudTrailFor && asksWhoDeployed(event)) {
        const key = `${clusterKey(event)}|${event.service}|${event.deploymentId}`;
        lookups.push({
          name: 'who deployed',
          run: async () => {
            const cached = deployers.get(key);
            const query = { cluster: event.cluster, service: event.service, createdAt: Date.parse(event.deploymentCreated) };
            const deployedBy = cached ?? (await lookupDeployer(await cloudTrailFor(region), perRegion.cloudTrail(region), query, signal));
            if (deployedBy && !cached) deployers.set(key, deployedBy);
            return deployedBy ? { deployedBy } : {};
          },
        });
      }
      return collectLookups(known, lookups, signal, options.logger?.child({ eventId: event.id }));
    },
  };
}

function showsChanges(event: ServiceEvent): boolean {
  return (
    event.type === 'DeploymentStarted' ||
    event.type === 'RollbackStarted' ||
    (event.type === 'DeploymentCompleted' && (event.kind === 'deploy' || event.kind === 'rollback'))
  );
}

function asksWhoDeployed(event: ServiceEvent): boolean {
  return event.type === 'DeploymentStarted' || (event.type === 'DeploymentCompleted' && event.kind === 'deploy');
}

/**
 * When the phase began, so older stopped tasks (from an earlier incident) are not blamed. A
 * rollback looks back to the failed deployment; a crash, which has no deployment of its own,
 * looks back a fixed time.
 */
function phaseStart(input: EnrichInput, event: ServiceEvent, crashLookbackMs: number): number {
  const fallback = event.observedAt - crashLookbackMs;
  if (event.type === 'TaskCrashed') return fallback;
  if (event.type === 'RollbackStarted') {
    const failed = input.service?.deployments.find((d) => d.id === event.failedDeploymentId);
    return failed?.createdAt ?? fallback;
  }
  const created = Date.parse(event.deploymentCreated);
  return Number.isNaN(created) ? fallback : created;
}

function regionalLimiters(options: EcsEnricherOptions) {
  const taskDefinitions = new Map<string, Limiter>();
  const tasks = new Map<string, Limiter>();
  const trails = new Map<string, Limiter>();
  // Per account and region, where ECS keeps its buckets.
  const get = (map: Map<string, Limiter>, key: string, make: () => Limiter): Limiter => {
    let limiter = map.get(key);
    if (!limiter) map.set(key, (limiter = make()));
    return limiter;
  };
  return {
    ecs: (region: string, account?: string): Limiter =>
      options.rateLimiter ?? get(taskDefinitions, `${account ?? ''}|${region}`, () => new RateLimiter({ requestsPerSecond: 5, burst: 10 })),
    tasks: (region: string, account?: string): Limiter =>
      options.tasksRateLimiter ?? get(tasks, `${account ?? ''}|${region}`, () => new RateLimiter({ requestsPerSecond: 5, burst: 10 })),
    cloudTrail: (region: string): Limiter =>
      options.cloudTrailRateLimiter ?? get(trails, region, () => new RateLimiter({ requestsPerSecond: 2, burst: 2 })),
  };
}
