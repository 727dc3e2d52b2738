import type { EventOf, EventType, MonitorEvent, ServiceState } from '../../model/events.js';

const OBSERVED_AT = Date.UTC(2025, 0, 10, 12, 0, 0);

/** The original's `serviceState` of `api` in `prod`, mid-deployment of `api:42`. */
export function state(overrides: Partial<ServiceState> = {}): ServiceState {
  return {
    service: 'api',
    deploymentId: 'ecs-svc/111',
    deploymentCreated: '2025-01-10T11:58:00.000Z',
    deploymentUpdated: '2025-01-10T11:59:00.000Z',
    taskDef: 'arn:aws:ecs:eu-west-1:123456789012:task-definition/api:42',
    previousTaskDef: 'arn:aws:ecs:eu-west-1:123456789012:task-definition/api:41',
    runningCount: 2,
    desiredCount: 2,
    deploymentRunningCount: 2,
    pendingCount: 0,
    failedTasks: 0,
    success: true,
    consoleUrl: 'https://eu-west-1.console.aws.amazon.com/ecs/v2/clusters/prod/services/api/health?region=eu-west-1',
    ...overrides,
  };
}

function base<T extends EventType>(type: T) {
  return { id: `prod/api/ecs-svc/111/${type}`, type, cluster: 'prod', region: 'eu-west-1', observedAt: OBSERVED_AT };
}

/** One event of the given type with plausible fields; `extra` overrides any of them. */
export function eventOf<T extends EventType>(type: T, extra: Partial<EventOf<T>> = {}): EventOf<T> {
  const byType: { [K in EventType]: EventOf<K> } = {
    MonitorStarted: { ...base('MonitorStarted'), serviceNames: ['api', 'web'] },
    DeploymentStarted: { ...base('DeploymentStarted'), ...state({ runningCount: 2, deploymentRunningCount: 0 }) },
    TasksFailing: { ...base('TasksFailing'), ...state({ failedTasks: 3, deploymentRunningCount: 0 }) },
    DeploymentFailed: { ...base('DeploymentFailed'), ...state({ reason: 'tasks failed to start' }) },
    RollbackStarted: {
      ...base('RollbackStarted'),
      ...state({
        taskDef: 'arn:aws:ecs:eu-west-1:123456789012:task-definition/api:41',
        previousTaskDef: 'arn:aws:ecs:eu-west-1:123456789012:task-definition/api:42',
      }),
      failedDeploymentId: 'ecs-svc/110',
    },
    ScalingStarted: { ...base('ScalingStarted'), ...state({ desiredCount: 4 }), previousDesiredCount: 2 },
    TaskCrashed: { ...base('TaskCrashed'), ...state({ runningCount: 1 }) },
    DeploymentCompleted: { ...base('DeploymentCompleted'), ...state({ durationSeconds: 185 }), kind: 'deploy' },
    DeploymentTimedOut: { ...base('DeploymentTimedOut'), ...state({ deploymentRunningCount: 1 }), secondsUntilAlert: 600 },
    ServiceRemoved: { ...base('ServiceRemoved'), service: 'api', reason: 'DRAINING', consoleUrl: state().consoleUrl },
    MonitorDegraded: { ...base('MonitorDegraded'), failures: 3, reason: 'ThrottlingException: Rate exceeded' },
    MonitorRecovered: { ...base('MonitorRecovered'), durationSeconds: 45 },
  };
  return { ...byType[type], ...extra } as EventOf<T>;
}

export type { MonitorEvent };
