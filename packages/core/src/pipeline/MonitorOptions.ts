import type { Observable, OperatorFunction, SchedulerLike } from 'rxjs';
import type { EcsSourceOptions } from '../ecs-source/EcsSourceOptions.js';
import type { EventsOptions } from '../events-source/EventsOptions.js';
import type { MonitorConfig } from '../model/config.js';
import type { EnrichInput } from '../model/enricher.js';
import type { MonitorEvent } from '../model/events.js';
import type { Logger } from '../model/logger.js';
import type { ClusterRef, ClusterSnapshot, SweepOutcome } from '../model/snapshot.js';
import type { SnapshotSource } from '../model/source.js';
import type { reduce } from '../reducer/reduce.js';
import type { SweepSource } from './pollClusters.js';
import type { Sweep } from './sweepTicks.js';

/** The reducer's shape (`reduce` from the reducer module); injectable for tests and experiments. */
export type Reducer = typeof reduce;

/** Observability hooks of the stream (the runner's metrics hang here). A hook that throws is logged, never fatal. */
export interface MonitorHooks {
  /** After every sweep, good or failed; `durationMs` is measured on the stream's scheduler. */
  onSweep?(outcome: SweepOutcome, durationMs: number): void;
  /** After every part of a sweep passed on as it landed (an `interim` snapshot), before the sweep's `onSweep`. */
  onPart?(part: ClusterSnapshot): void;
  /** After every sweep's reduce, with the events it produced (possibly none). */
  onEvents?(events: MonitorEvent[]): void;
}

/** Options of `monitorClusters` (and the first stages of `monitorPipeline`). */
export interface MonitorOptions {
  /** The clusters to poll. Default none (with `sweeps`, the recording says which). */
  clusters?: ClusterRef[];
  /** Seconds between ticks. Default 10; fractions are allowed (tests). */
  checkIntervalSeconds?: number;
  /** Where snapshots come from; default `createEcsSource(options.ecs)`. A sweep may answer with an observable too (marble tests). */
  source?: SnapshotSource | SweepSource;
  /** Options of the default ECS source (ignored when `source` is given). */
  ecs?: EcsSourceOptions;
  /**
   * The ECS events fast path: events from this SQS queue mark services dirty, described at once
   * through the source's `describe`; the full sweep then runs every `reconcileIntervalSeconds`.
   * Needs a source with `describe` (the default ECS source has it); ignored with `sweeps`.
   */
  events?: EventsOptions;
  /**
   * Replaces the ticks and the sweep stages (and with them `clusters`, `source`, `ecs` and
   * `checkIntervalSeconds`): a recording replayed, or outcomes another process swept.
   */
  sweeps?: Observable<Sweep>;
  /** Reducer settings; missing keys come from `DEFAULT_MONITOR_CONFIG`. */
  monitor?: Partial<MonitorConfig>;
  /** Scheduler of the ticks; a `TestScheduler` runs the stream in virtual time. */
  scheduler?: SchedulerLike;
  logger?: Logger;
  /** Log a state summary every this many ticks (the first sweep included). Default 60; `Infinity` turns it off. */
  logInterval?: number;
  hooks?: MonitorHooks;
  /** The enrichment step; default: pass every event on unchanged. */
  enrich?: OperatorFunction<EnrichInput, MonitorEvent>;
  /** The reducer; default the pure `reduce`. */
  reducer?: Reducer;
  /**
   * Graceful stop: when this emits, no tick starts another sweep (the one in flight is
   * aborted), the events already out of the reducer finish the later stages, then the stream
   * completes. Without it the stream runs until unsubscribed.
   */
  stop$?: Observable<unknown>;
}

/**
 * Default seconds between ticks: the original mona's 5. The shared rate limiter, not the
 * interval, bounds the ECS calls: a cluster too large to sweep in 5 s just takes longer.
 *
 * @example
 * monitorClusters({ clusters, checkIntervalSeconds: DEFAULT_CHECK_INTERVAL_SECONDS / 2 });
 */
export const DEFAULT_CHECK_INTERVAL_SECONDS = 5;
/**
 * Default ticks between state logs: the original mona's 5 (25 s at the default interval).
 *
 * @example
 * monitorClusters({ clusters, logInterval: DEFAULT_LOG_INTERVAL });
 */
export const DEFAULT_LOG_INTERVAL = 5;
