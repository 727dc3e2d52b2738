import { defer, tap } from 'rxjs';
import type { MonoTypeOperatorFunction } from 'rxjs';
import { clusterKey } from '../model/clusterKey.js';
import type { Logger } from '../model/logger.js';
import type { ClusterState } from '../reducer/state.js';
import type { ReducedSweep } from './reduceSweeps.js';
import { isPart } from './sweepTicks.js';

/** Turns a cluster state into the loggable summary (the reducer's `summarizeState`). */
export type StateSummarizer = (state: ClusterState) => unknown;

/**
 * Logs a summary of each cluster's state after its first sweep and then whenever at least
 * `logInterval` ticks have passed since its last log (the original's periodic state log).
 * Ticks swallowed by slow sweeps count, so the log keeps a wall-clock rhythm.
 *
 * @example
 * reduced$.pipe(logState(logger, 60, summarizeState));
 * // {"level":30,"cluster":"prod","region":"eu-west-1","services":{…},"msg":"state"}
 */
export function logState(
  logger: Logger | undefined,
  logInterval: number,
  summarize: StateSummarizer,
): MonoTypeOperatorFunction<ReducedSweep> {
  return (reduced) =>
    defer(() => {
      // `Infinity` turns the log off (a replay reads hours of sweeps in a moment).
      if (!logger || !Number.isFinite(logInterval)) return reduced;
      const lastLoggedTick = new Map<string, number>();
      return reduced.pipe(
        tap(({ tick, outcome, state }) => {
          // A sweep's state is logged once it is whole, not at its first part.
          if (isPart(outcome)) return;
          const key = clusterKey(outcome);
          const last = lastLoggedTick.get(key);
          if (last !== undefined && tick - last < logInterval) return;
          lastLoggedTick.set(key, tick);
          logger.info(
            {
              ...(outcome.account ? { account: outcome.account } : {}),
              cluster: outcome.cluster,
              region: outcome.region,
              services: summarize(state),
            },
            'state',
          );
        }),
      );
    });
}
