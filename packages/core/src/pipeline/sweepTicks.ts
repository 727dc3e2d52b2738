import { catchError, defer, exhaustMap, finalize, map, of, take } from 'rxjs';
import type { ObservableInput, OperatorFunction, SchedulerLike } from 'rxjs';
import { sweepFailure } from '../ecs-source/sweepFailure.js';
import type { ClusterRef, SweepOutcome } from '../model/snapshot.js';

/** One sweep of one cluster: `signal` aborts when the stream is unsubscribed mid-sweep. */
export type SweepFn = (tick: number, signal: AbortSignal) => ObservableInput<SweepOutcome>;

/** A sweep's result with the tick that started it. */
export interface Sweep {
  tick: number;
  outcome: SweepOutcome;
}

export interface SweepTicksOptions {
  scheduler: SchedulerLike;
  onSweep?: ((outcome: SweepOutcome, durationMs: number) => void) | undefined;
}

/**
 * Stage 2, the sweep: one sweep per tick with `exhaustMap`: a tick that arrives while a sweep is running is
 * dropped, so sweeps of a cluster never overlap and a slow cluster is polled as fast as it
 * answers, never faster. A sweep that throws or errors (a source breaking the "never reject"
 * contract) becomes a `SweepFailure`, so the stream never ends because of one sweep.
 *
 * @example
 * ticks(10).pipe(sweepTicks(cluster, (tick, signal) => source.sweep(cluster, tick, signal), { scheduler: asyncScheduler }));
 */
export function sweepTicks(cluster: ClusterRef, sweep: SweepFn, options: SweepTicksOptions): OperatorFunction<number, Sweep> {
  const { scheduler, onSweep } = options;
  return exhaustMap((tick) =>
    defer(() => {
      const startedAt = scheduler.now();
      const controller = new AbortController();
      // The inner defer turns a synchronous throw of `sweep` into an error notification too.
      return defer(() => sweep(tick, controller.signal)).pipe(
        take(1),
        catchError((error: unknown) => of(sweepFailure(cluster, scheduler.now(), error))),
        map((outcome): Sweep => {
          onSweep?.(outcome, scheduler.now() - startedAt);
          return { tick, outcome };
        }),
        finalize(() => controller.abort()),
      );
    }),
  );
}
