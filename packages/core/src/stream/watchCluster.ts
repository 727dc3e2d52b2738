import { tap } from 'rxjs';
import type { Observable, SchedulerLike } from 'rxjs';
import type { MonitorConfig } from '../model/config.js';
import type { EnrichInput } from '../model/enricher.js';
import type { Logger } from '../model/logger.js';
import type { ClusterRef } from '../model/snapshot.js';
import { logState } from './logState.js';
import type { StateSummarizer } from './logState.js';
import { guardHooks } from './guardHooks.js';
import type { MonitorHooks, Reducer } from './MonitorOptions.js';
import { reduceSweeps } from './reduceSweeps.js';
import { sweepTicks } from './sweepTicks.js';
import type { SweepFn } from './sweepTicks.js';
import { ticks } from './ticks.js';
import { toEnrichInputs } from './toEnrichInputs.js';

/** Everything `watchCluster` needs, already defaulted by `monitorClusters`. */
export interface WatchSettings {
  intervalSeconds: number;
  scheduler: SchedulerLike;
  reducer: Reducer;
  config: MonitorConfig;
  summarize: StateSummarizer;
  logInterval: number;
  logger?: Logger | undefined;
  hooks?: MonitorHooks | undefined;
}

/**
 * The pipeline of one cluster, up to the enrichment step: ticks → sweep (never overlapping) →
 * reduce (own state) → state log → events paired with their service snapshots. Sweep failures
 * are values, so the pipeline runs until unsubscribed.
 *
 * @example
 * watchCluster(cluster, (tick, signal) => source.sweep(cluster, tick, signal), settings)
 *   .subscribe(({ event }) => console.log(event.type));
 */
export function watchCluster(cluster: ClusterRef, sweep: SweepFn, settings: WatchSettings): Observable<EnrichInput> {
  const { scheduler, logger } = settings;
  const log = logger?.child({ cluster: cluster.cluster, region: cluster.region });
  const hooks = guardHooks(settings.hooks, log);
  return ticks(settings.intervalSeconds, scheduler).pipe(
    sweepTicks(cluster, sweep, { scheduler, onSweep: hooks.onSweep }),
    tap(({ outcome }) => {
      if (outcome.kind === 'failure') log?.warn({ error: outcome.error }, 'sweep failed');
    }),
    reduceSweeps(settings.reducer, settings.config),
    tap(({ events }) => hooks.onEvents?.(events)),
    logState(cluster.cluster, logger, settings.logInterval, settings.summarize),
    toEnrichInputs(),
  );
}
