import { asyncScheduler, map, merge } from 'rxjs';
import type { Observable } from 'rxjs';
import { createEcsSource } from '../ecs-source/createEcsSource.js';
import { DEFAULT_MONITOR_CONFIG } from '../model/config.js';
import type { MonitorEvent } from '../model/events.js';
import type { ClusterRef } from '../model/snapshot.js';
import { reduce } from '../reducer/reduce.js';
import { summarizeState } from '../reducer/summarizeState.js';
import { DEFAULT_CHECK_INTERVAL_SECONDS, DEFAULT_LOG_INTERVAL } from './MonitorOptions.js';
import type { MonitorOptions } from './MonitorOptions.js';
import { watchCluster } from './watchCluster.js';
import type { WatchSettings } from './watchCluster.js';

/**
 * Mona's whole monitoring stream as one cold observable: for every cluster, ticks every
 * `checkIntervalSeconds` → a sweep of the ECS API (never two at once per cluster) → the pure
 * reducer (one state per cluster) → typed events → the enrichment step. Clusters are merged;
 * within one sweep, events keep the reducer's order. A failed sweep never ends the stream (it
 * feeds `MonitorDegraded` / `MonitorRecovered`); the stream runs until unsubscribed, and
 * unsubscribing aborts the sweeps in flight. Each subscription starts from a fresh state.
 *
 * @example
 * import { monitorClusters } from '@mona-ecs/core';
 *
 * const subscription = monitorClusters({
 *   clusters: [{ cluster: 'prod', region: 'eu-west-1' }],
 *   checkIntervalSeconds: 5,
 *   monitor: { secondsUntilAlert: 300 },
 *   ecs: { refreshServicesInterval: 20 },
 * }).subscribe((event) => console.log(event.type, event.id));
 * // DeploymentStarted prod/api/ecs-svc/123/DeploymentStarted …
 * process.on('SIGTERM', () => subscription.unsubscribe());
 */
export function monitorClusters(options: MonitorOptions): Observable<MonitorEvent> {
  const source = options.source ?? createEcsSource(options.ecs);
  const settings: WatchSettings = {
    intervalSeconds: options.checkIntervalSeconds ?? DEFAULT_CHECK_INTERVAL_SECONDS,
    scheduler: options.scheduler ?? asyncScheduler,
    reducer: options.reducer ?? reduce,
    config: { ...DEFAULT_MONITOR_CONFIG, ...options.monitor },
    summarize: summarizeState,
    logInterval: Math.max(1, options.logInterval ?? DEFAULT_LOG_INTERVAL),
    logger: options.logger,
    hooks: options.hooks,
  };
  const perCluster = options.clusters.map((cluster) =>
    watchCluster(cluster, (tick, signal) => source.sweep(cluster, tick, signal), settings),
  );
  return merge(...perCluster).pipe(options.enrich ?? map((input) => input.event));
}

/**
 * `monitorClusters` for a single cluster.
 *
 * @example
 * monitorCluster({ cluster: 'prod', region: 'eu-west-1' }, { checkIntervalSeconds: 5 })
 *   .subscribe((event) => console.log(event.type));
 */
export function monitorCluster(cluster: ClusterRef, options: Omit<MonitorOptions, 'clusters'> = {}): Observable<MonitorEvent> {
  return monitorClusters({ ...options, clusters: [cluster] });
}
