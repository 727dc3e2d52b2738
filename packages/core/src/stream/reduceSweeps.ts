import { scan } from 'rxjs';
import type { OperatorFunction } from 'rxjs';
import type { MonitorConfig } from '../model/config.js';
import type { MonitorEvent } from '../model/events.js';
import type { ClusterState } from '../reducer/state.js';
import type { Reducer } from './MonitorOptions.js';
import type { Sweep } from './sweepTicks.js';

/** A sweep after the reducer: the new state and the events it produced. */
export interface ReducedSweep extends Sweep {
  state: ClusterState;
  events: MonitorEvent[];
}

/**
 * Folds sweeps through the pure reducer with `scan`, one state per cluster (per subscription).
 * The reducer owns every decision; this operator only threads the state.
 *
 * @example
 * sweeps$.pipe(reduceSweeps(reduce, DEFAULT_MONITOR_CONFIG)).subscribe(({ events }) => console.log(events));
 */
export function reduceSweeps(reducer: Reducer, config: MonitorConfig): OperatorFunction<Sweep, ReducedSweep> {
  return (sweeps) =>
    sweeps.pipe(
      scan<Sweep, ReducedSweep, undefined>((previous, sweep) => {
        const { state, events } = reducer(previous?.state, sweep.outcome, config);
        return { ...sweep, state, events };
      }, undefined),
    );
}
