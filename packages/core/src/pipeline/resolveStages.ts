import { NEVER, asyncScheduler, map } from 'rxjs';
import type { Observable, OperatorFunction, SchedulerLike } from 'rxjs';
import { createEcsSource } from '../ecs-source/createEcsSource.js';
import { MonaError } from '../errors.js';
import { createEventsInput } from '../events-source/createEventsInput.js';
import type { EventsInput } from '../events-source/createEventsInput.js';
import type { DescribingSource } from '../model/source.js';
import { validatedSource } from '../model/validatedSource.js';
import { DEFAULT_MONITOR_CONFIG } from '../model/config.js';
import type { MonitorConfig } from '../model/config.js';
import type { EnrichInput } from '../model/enricher.js';
import type { MonitorEvent } from '../model/events.js';
import type { Logger } from '../model/logger.js';
import type { ClusterRef } from '../model/snapshot.js';
import { reduce } from '../reducer/reduce.js';
import { guardHooks } from './guardHooks.js';
import { DEFAULT_CHECK_INTERVAL_SECONDS, DEFAULT_LOG_INTERVAL } from './MonitorOptions.js';
import type { MonitorOptions, Reducer } from './MonitorOptions.js';
import type { PipelineHooks } from './PipelineOptions.js';
import type { PollSettings, SweepSource } from './pollClusters.js';
import type { Sweep } from './sweepTicks.js';

/** The stages of the stream with every default applied: what `monitorPipeline` composes. */
export interface Stages {
  /** The sweeps given instead of stages 1-2 (a recording), if any. */
  sweeps: Observable<Sweep> | undefined;
  clusters: readonly ClusterRef[];
  source: SweepSource;
  /** Settings of stages 1-2 (`pollClusters`). */
  poll: PollSettings;
  /** The ECS events input, when `events` is set: its interim snapshots join the sweeps. */
  events: EventsInput | undefined;
  stop$: Observable<unknown>;
  reducer: Reducer;
  config: MonitorConfig;
  logInterval: number;
  enrich: OperatorFunction<EnrichInput, MonitorEvent>;
  logger: Logger | undefined;
  scheduler: SchedulerLike;
  /** Guarded: a hook that throws is logged. */
  hooks: PipelineHooks;
}

/**
 * Applies the defaults of `MonitorOptions`: the ECS source, the pure reducer, no enrichment,
 * never stopping. The ECS source is created per call, so each stream has its own listing memory.
 *
 * @example
 * const { sweeps, reducer, config } = resolveStages({ clusters: [{ cluster: 'prod', region: 'eu-west-1' }] });
 */
export function resolveStages(options: MonitorOptions & { hooks?: PipelineHooks | undefined }): Stages {
  const scheduler = options.scheduler ?? asyncScheduler;
  const logger = options.logger;
  const hooks = guardHooks(options.hooks, logger);
  const clusters = options.clusters ?? [];
  const config = { ...DEFAULT_MONITOR_CONFIG, ...options.monitor };
  const intervalSeconds = options.checkIntervalSeconds ?? DEFAULT_CHECK_INTERVAL_SECONDS;
  // Without `sweeps`, the source is only ever asked through pollClusters. An injected source is
  // third-party data: checked where it enters (parse once, at the edge).
  const source = options.sweeps ? NO_SOURCE : options.source ? validatedSource(options.source) : createEcsSource(options.ecs);
  const events = options.events && !options.sweeps ? eventsInputOf(options, source, clusters, intervalSeconds, config) : undefined;
  return {
    sweeps: options.sweeps,
    clusters,
    source: events ? events.guard(source) : source,
    poll: { intervalSeconds, intervalSeconds$: events?.intervalSeconds$, scheduler, logger, hooks },
    events,
    stop$: options.stop$ ?? NEVER,
    reducer: options.reducer ?? reduce,
    config,
    logInterval: Math.max(1, options.logInterval ?? DEFAULT_LOG_INTERVAL),
    enrich: options.enrich ?? map((input) => input.event),
    logger,
    scheduler,
    hooks,
  };
}

function eventsInputOf(
  options: MonitorOptions,
  source: SweepSource,
  clusters: readonly ClusterRef[],
  checkIntervalSeconds: number,
  config: MonitorConfig,
): EventsInput | undefined {
  const events = options.events;
  if (!events) return undefined;
  // The injected source of `options.source` is wrapped by validatedSource, which keeps only `sweep`.
  const describing = (options.source ?? source) as Partial<DescribingSource>;
  if (typeof describing.describe !== 'function') {
    throw new MonaError(
      'MONA_EVENTS_CONFIG',
      'events needs a source with describe(cluster, names): use the default ECS source, or add describe to yours',
    );
  }
  const describe = describing.describe.bind(describing);
  const holds = describing.holds?.bind(describing);
  return createEventsInput(events, {
    clusters,
    source: { describe, ...(holds ? { holds } : {}) },
    checkIntervalSeconds,
    degradedAfterFailures: config.degradedAfterFailures,
    logger: options.logger,
  });
}

/** The source of a pipeline whose sweeps are given (a replay): never polled. */
const NO_SOURCE: SweepSource = { sweep: () => [] };
