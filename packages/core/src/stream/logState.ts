import { defer, tap } from 'rxjs';
import type { MonoTypeOperatorFunction } from 'rxjs';
import type { Logger } from '../model/logger.js';
import type { ClusterState } from '../reducer/state.js';
import type { ReducedSweep } from './reduceSweeps.js';

/** Turns a cluster state into the loggable summary (the reducer's `summarizeState`). */
export type StateSummarizer = (state: ClusterState) => unknown;

/**
 * Logs a summary of the cluster's state after the first sweep and then whenever at least
 * `logInterval` ticks have passed since the last log (the original's periodic state log).
 * Ticks swallowed by slow sweeps count, so the log keeps a wall-clock rhythm.
 *
 * @example
 * reduced$.pipe(logState('prod', logger, 60, summarizeState));
 * // {"level":30,"cluster":"prod","services":{…},"msg":"state"}
 */
export function logState(
  cluster: string,
  logger: Logger | undefined,
  logInterval: number,
  summarize: StateSummarizer,
): MonoTypeOperatorFunction<ReducedSweep> {
  return (reduced) =>
    defer(() => {
      if (!logger) return reduced;
      let lastLoggedTick: number | undefined;
      return reduced.pipe(
        tap(({ tick, state }) => {
          if (lastLoggedTick !== undefined && tick - lastLoggedTick < logInterval) return;
          lastLoggedTick = tick;
          logger.info({ cluster, services: summarize(state) }, 'state');
        }),
      );
    });
}
