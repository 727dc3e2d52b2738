import { defer, map } from 'rxjs';
import type { OperatorFunction } from 'rxjs';
import type { MonitorConfig } from '../model/config.js';
import { clusterKey } from '../model/clusterKey.js';
import type { MonitorEvent } from '../model/events.js';
import type { ClusterState } from '../reducer/state.js';
import type { Reducer } from './MonitorOptions.js';
import { stampAccount } from './stampAccount.js';
import type { Sweep } from './sweepTicks.js';

/** A sweep after the reducer: its cluster's new state and the events it produced. */
export interface ReducedSweep extends Sweep {
  state: ClusterState;
  events: MonitorEvent[];
}

/**
 * Stage 3, reduce: folds sweeps through the pure reducer, one state per cluster (by
 * `clusterKey`), fresh for every subscription. The reducer owns every decision; this operator
 * only threads the states and stamps each event with its sweep's account (`stampAccount`).
 *
 * @example
 * sweeps$.pipe(reduceSweeps(reduce, DEFAULT_MONITOR_CONFIG)).subscribe(({ events }) => console.log(events));
 */
export function reduceSweeps(reducer: Reducer, config: MonitorConfig): OperatorFunction<Sweep, ReducedSweep> {
  return (sweeps) =>
    defer(() => {
      const states = new Map<string, ClusterState>();
      return sweeps.pipe(
        map((sweep): ReducedSweep => {
          const key = clusterKey(sweep.outcome);
          const { state, events } = reducer(states.get(key), sweep.outcome, config);
          states.set(key, state);
          return { ...sweep, state, events: events.map((event) => stampAccount(event, sweep.outcome, config.consoleAccess)) };
        }),
      );
    });
}
