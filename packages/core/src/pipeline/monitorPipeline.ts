import { merge, takeUntil, tap } from 'rxjs';
import type { Observable } from 'rxjs';
import { defaultFormatter } from '../format/defaultFormatter.js';
import type { MonitorEvent } from '../model/events.js';
import { summarizeState } from '../reducer/summarizeState.js';
import { deliverTo } from './deliverTo.js';
import { formatEvents } from './formatEvents.js';
import { logState } from './logState.js';
import { pollClusters } from './pollClusters.js';
import type { PipelineOptions } from './PipelineOptions.js';
import { reduceSweeps } from './reduceSweeps.js';
import { resolveStages } from './resolveStages.js';
import type { Stages } from './resolveStages.js';
import { routeNotifications } from './routeNotifications.js';
import type { Routed } from './routeNotifications.js';
import { toEnrichInputs } from './toEnrichInputs.js';

/**
 * Stages 1–4 of the pipeline (ticks → sweep → reduce → enrich): `monitorClusters` stops there,
 * `monitorPipeline` below goes on with format → route → deliver. Both in this one file, in order.
 *
 * @example
 * eventStages(resolveStages(options)).pipe(formatEvents(formatter, logger));
 */
export function eventStages(stages: Stages): Observable<MonitorEvent> {
  // 1-2. ticks → sweep, per cluster (never two sweeps of a cluster at once), or a recording
  const polled$ = stages.sweeps ?? pollClusters(stages.clusters, stages.source, stages.poll);
  // with ECS events on: the interim snapshots of the services they marked dirty join the sweeps
  const sweeps$ = stages.events ? merge(polled$, stages.events.sweeps$) : polled$;
  return sweeps$.pipe(
    takeUntil(stages.stop$), //                                       graceful stop: no new sweep
    reduceSweeps(stages.reducer, stages.config), //                 3. reduce
    tap(({ events }) => stages.hooks.onEvents?.(events)),
    logState(stages.logger, stages.logInterval, summarizeState),
    toEnrichInputs(stages.events?.notices$.pipe(takeUntil(stages.stop$))), // + the events queue's outage notices
    stages.enrich, //                                               4. enrich
  );
}

/**
 * Mona's whole chain, stage by stage, in one `pipe` (like Alertmanager's stage list):
 *
 * 1. ticks, per cluster, every `checkIntervalSeconds`;
 * 2. sweep of the ECS API per tick, never two at once per cluster (`pollClusters`);
 * 3. reduce: the pure reducer, one state per cluster, gives typed events;
 * 4. enrich: stopped tasks, image changes, who deployed (time-boxed, never drops an event);
 * 5. format: one `Notification` per event;
 * 6. route: the destinations whose filter accepts it;
 * 7. deliver: enqueued on each destination's queue (which paces, retries and drops on its own).
 *
 * Each item out is a routed notification, after it was enqueued. A failed sweep never ends the
 * stream. When `stop$` emits, no new sweep starts (the one in flight is aborted), the events
 * already out of the reducer still go through enrichment, formatting and into the queues, and
 * then the stream completes: draining the queues is the caller's last step. `mona run`, `mona
 * demo` and `mona replay` (with `sweeps` from a recording and a printing `deliver`) all run this.
 *
 * @example
 * const stop$ = new Subject<void>();
 * monitorPipeline({ clusters: [{ cluster: 'prod', region: 'eu-west-1' }], destinations: [{ name: 'slack', accepts: () => true, queue }], stop$ })
 *   .subscribe({ complete: () => void queue.drain(10_000) });
 * process.once('SIGTERM', () => stop$.next());
 */
export function monitorPipeline(options: PipelineOptions): Observable<Routed> {
  const stages = resolveStages(options);
  return eventStages(stages).pipe(
    // 1-4. ticks → sweep → reduce → enrich (eventStages)
    formatEvents(options.formatter ?? defaultFormatter, stages.logger), // 5. format
    routeNotifications(options.destinations, stages.logger), //            6. route
    options.deliver ?? deliverTo(stages.logger, stages.hooks), //          7. deliver
  );
}
