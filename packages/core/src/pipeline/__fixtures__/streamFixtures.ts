import type { MonitorEvent } from '../../model/events.js';
import type { ClusterRef, ClusterSnapshot, ServiceSnapshot, SweepFailure, SweepOutcome } from '../../model/snapshot.js';
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

/** A stable service running `deploymentId`, as the ECS source would convert it. */
export function stableService(name: string, deploymentId: string, observedAt = 0): ServiceSnapshot {
  return {
    name,
    arn: `arn:aws:ecs:eu-west-1:123456789012:service/prod/${name}`,
    status: 'ACTIVE',
    desiredCount: 2,
    runningCount: 2,
    pendingCount: 0,
    deploymentController: 'ECS',
    deployments: [
      {
        id: deploymentId,
        status: 'PRIMARY',
        taskDefinition: `arn:aws:ecs:eu-west-1:123456789012:task-definition/${name}:${deploymentId}`,
        desiredCount: 2,
        runningCount: 2,
        pendingCount: 0,
        failedTasks: 0,
        createdAt: observedAt,
        updatedAt: observedAt,
        rolloutState: 'COMPLETED',
      },
    ],
    events: [],
  };
}
