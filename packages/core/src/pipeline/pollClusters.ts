import { Observable, distinctUntilChanged, from, map, merge, switchMap, tap, timer } from 'rxjs';
import type { ObservableInput, SchedulerLike } from 'rxjs';
import type { Logger } from '../model/logger.js';
import type { ClusterRef, SweepOutcome } from '../model/snapshot.js';
import type { OnPart } from '../model/source.js';
import type { MonitorHooks } from './MonitorOptions.js';
import { sweepTicks } from './sweepTicks.js';
import type { Sweep } from './sweepTicks.js';
import { ticks } from './ticks.js';

/**
 * What `pollClusters` sweeps with: a `SnapshotSource` fits, and so does one answering with an
 * observable (marble tests). Parts passed to `onPart` go on at once, before the sweep's outcome.
 */
export interface SweepSource {
  sweep(cluster: ClusterRef, tick: number, signal: AbortSignal, onPart?: OnPart): ObservableInput<SweepOutcome>;
}

/** What `pollClusters` needs, already defaulted by the pipeline. */
export interface PollSettings {
  intervalSeconds: number;
  /** When set, the interval follows it (the ECS events input: reconciliation, or polling while its queue is down). */
  intervalSeconds$?: Observable<number> | undefined;
  scheduler: SchedulerLike;
  logger?: Logger | undefined;
  /** Already guarded (see `guardHooks`). */
  hooks?: MonitorHooks | undefined;
}

/**
 * Stages 1 and 2 for every cluster: its own ticks, each starting a sweep of the source (never
 * two at once per cluster), merged. A failed sweep is a value, logged here and passed on (the
 * reducer turns a run of them into `MonitorDegraded`), so polling runs until unsubscribed.
 *
 * @example
 * pollClusters([{ cluster: 'prod', region: 'eu-west-1' }], source, { intervalSeconds: 5, scheduler: asyncScheduler })
 *   .subscribe(({ tick, outcome }) => console.log(tick, outcome.kind));
 */
export function pollClusters(clusters: readonly ClusterRef[], source: SweepSource, settings: PollSettings): Observable<Sweep> {
  const { scheduler, hooks } = settings;
  return merge(
    ...clusters.map((cluster) => {
      const log = settings.logger?.child({ cluster: cluster.cluster, region: cluster.region });
      const ticks$ = settings.intervalSeconds$
        ? // The first interval starts with a tick at once, a new one a full interval after the
          // switch (it follows a sweep's end: an immediate tick would sweep again at once);
          // ticks keep counting across the switch.
          settings.intervalSeconds$.pipe(
            distinctUntilChanged(),
            switchMap((seconds, i) => (i === 0 ? ticks(seconds, scheduler) : timer(seconds * 1000, seconds * 1000, scheduler))),
            map((_, i) => i),
          )
        : ticks(settings.intervalSeconds, scheduler);
      return ticks$.pipe(
        sweepTicks(cluster, (tick, signal) => partsThenOutcome(source, cluster, tick, signal), {
          scheduler,
          onSweep: hooks?.onSweep,
          onPart: hooks?.onPart,
        }),
        tap(({ outcome }) => {
          if (outcome.kind === 'failure') log?.warn({ error: outcome.error }, 'sweep failed');
        }),
      );
    }),
  );
}

/** One sweep as a stream: each part the source passes on as it lands, then the sweep's outcome. */
function partsThenOutcome(source: SweepSource, cluster: ClusterRef, tick: number, signal: AbortSignal): Observable<SweepOutcome> {
  return new Observable<SweepOutcome>((subscriber) => {
    const onPart: OnPart = (part) => {
      if (!subscriber.closed) subscriber.next(part);
    };
    return from(source.sweep(cluster, tick, signal, onPart)).subscribe(subscriber);
  });
}
