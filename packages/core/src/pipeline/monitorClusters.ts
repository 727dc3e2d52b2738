import type { Observable } from 'rxjs';
import type { MonitorEvent } from '../model/events.js';
import type { ClusterRef } from '../model/snapshot.js';
import type { MonitorOptions } from './MonitorOptions.js';
import { eventStages } from './monitorPipeline.js';
import { resolveStages } from './resolveStages.js';

/**
 * The first four stages of `monitorPipeline` (ticks → sweep → reduce → enrich) as one cold
 * observable of typed events, for tools that act on events themselves (a dashboard, a CI gate,
 * a chat-ops bot). Clusters are merged; within one sweep, events keep the reducer's order. A
 * failed sweep never ends the stream (it feeds `MonitorDegraded` / `MonitorRecovered`); the
 * stream runs until unsubscribed (unsubscribing aborts the sweeps in flight) or `stop$` emits.
 * Each subscription starts from a fresh state.
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
  return eventStages(resolveStages(options));
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
