import type { MonitorEvent } from '../../model/events.js';
import type { ClusterRef, ClusterSnapshot, SweepFailure, SweepOutcome } from '../../model/snapshot.js';
import { initialState } from '../../reducer/state.js';
import type { Reducer } from '../MonitorOptions.js';

export const PROD: ClusterRef = { cluster: 'prod', region: 'eu-west-1' };

export function snapshotAt(observedAt: number, cluster: ClusterRef = PROD): ClusterSnapshot {
  return { kind: 'snapshot', cluster: cluster.cluster, region: cluster.region, observedAt, services: [], missing: [] };
}

export function failureAt(observedAt: number, cluster: ClusterRef = PROD): SweepFailure {
  return {
    kind: 'failure',
    cluster: cluster.cluster,
    region: cluster.region,
    observedAt,
    error: { name: 'ThrottlingException', message: 'Rate exceeded', code: 'ThrottlingException' },
  };
}

/**
 * A reducer double that reports every sweep it is given as one event whose id names the
 * outcome, so marble tests can see which sweeps reached the reducer and in what order.
 */
export const probeReducer: Reducer = (state, outcome: SweepOutcome) => {
  const event: MonitorEvent = {
    type: 'MonitorStarted',
    id: `${outcome.cluster}:${outcome.kind}@${outcome.observedAt}`,
    cluster: outcome.cluster,
    region: outcome.region,
    observedAt: outcome.observedAt,
    serviceNames: [],
  };
  return { state: state ?? initialState(outcome.cluster, outcome.region), events: [event] };
};
