import { catchError, defer, exhaustMap, finalize, map, of, takeWhile, tap } from 'rxjs';
import type { ObservableInput, OperatorFunction, SchedulerLike } from 'rxjs';
import { sweepFailure } from '../ecs-source/sweepFailure.js';
import { accountOf } from '../model/clusterKey.js';
import type { ClusterRef, ClusterSnapshot, SweepOutcome } from '../model/snapshot.js';

/**
 * One sweep of one cluster: its parts as they land (`interim` snapshots), if any, then its
 * outcome. `signal` aborts when the stream is unsubscribed mid-sweep.
 */
export type SweepFn = (tick: number, signal: AbortSignal) => ObservableInput<SweepOutcome>;

/** True for a part of a sweep passed on as it landed (not the sweep's own outcome). */
export function isPart(outcome: SweepOutcome): outcome is ClusterSnapshot {
  return outcome.kind === 'snapshot' && outcome.interim === true;
}

/** A sweep's result with the tick that started it. */
export interface Sweep {
  tick: number;
  outcome: SweepOutcome;
}

export interface SweepTicksOptions {
  scheduler: SchedulerLike;
  onSweep?: ((outcome: SweepOutcome, durationMs: number) => void) | undefined;
  onPart?: ((part: ClusterSnapshot) => void) | undefined;
}

/**
 * Stage 2, the sweep: one sweep per tick with `exhaustMap`: a tick that arrives while a sweep is running is
 * dropped, so sweeps of a cluster never overlap and a slow cluster is polled as fast as it
 * answers, never faster. A sweep that throws or errors (a source breaking the "never reject"
 * contract) becomes a `SweepFailure`, so the stream never ends because of one sweep. A sweep's
 * parts go on as they land, each as a `Sweep` of the same tick; the sweep ends at its outcome.
 *
 * @example
 * ticks(10).pipe(sweepTicks(cluster, (tick, signal) => source.sweep(cluster, tick, signal), { scheduler: asyncScheduler }));
 */
export function sweepTicks(cluster: ClusterRef, sweep: SweepFn, options: SweepTicksOptions): OperatorFunction<number, Sweep> {
  const { scheduler, onSweep, onPart } = options;
  return exhaustMap((tick) =>
    defer(() => {
      const startedAt = scheduler.now();
      const controller = new AbortController();
      // The inner defer turns a synchronous throw of `sweep` into an error notification too.
      return defer(() => sweep(tick, controller.signal)).pipe(
        takeWhile(isPart, true),
        catchError((error: unknown) => of(sweepFailure(cluster, scheduler.now(), error))),
        // The ref is the truth about the account: a source need not know about accounts.
        map((answer) => withAccountOf(cluster, answer)),
        tap((outcome) => (isPart(outcome) ? onPart?.(outcome) : onSweep?.(outcome, scheduler.now() - startedAt))),
        map((outcome): Sweep => ({ tick, outcome })),
        finalize(() => controller.abort()),
      );
    }),
  );
}

function withAccountOf(cluster: ClusterRef, outcome: SweepOutcome): SweepOutcome {
  return cluster.account || cluster.accountId ? { ...outcome, ...accountOf(cluster) } : outcome;
}
