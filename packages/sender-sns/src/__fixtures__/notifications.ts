import { textForms, type MonitorEvent, type Notification, type Severity } from '@mona-ecs/core';
import type { ServiceState } from '@mona-ecs/core/format';

/** Fields of a service event of the `api` service in `prod`, as the reducer fills them. */
export function serviceState(
  overrides: Partial<ServiceState> = {},
): ServiceState & { cluster: string; region: string; observedAt: number } {
  return {
    cluster: 'prod',
    region: 'eu-west-1',
    observedAt: Date.UTC(2025, 0, 2, 3, 4, 5),
    service: 'api',
    deploymentId: 'ecs-svc/1234567890',
    deploymentCreated: '2025-01-02T03:00:00.000Z',
    deploymentUpdated: '2025-01-02T03:01:00.000Z',
    taskDef: 'api:42',
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

/** Wraps an event in a notification as the formatter would. */
export function notificationOf(event: MonitorEvent, text: string, title: string, severity: Severity): Notification {
  return { id: event.id, event, text, ...textForms(text), title, severity };
}

export const deploymentStarted = notificationOf(
  { type: 'DeploymentStarted', id: 'prod/api/ecs-svc/1234567890/DeploymentStarted', ...serviceState() },
  ':arrows_clockwise: `api` deployment started with task definition `api:42`',
  'api deployment started',
  'info',
);

export const monitorStarted = notificationOf(
  { type: 'MonitorStarted', id: 'prod/MonitorStarted', cluster: 'prod', region: 'eu-west-1', observedAt: 0, serviceNames: ['api', 'web'] },
  ':eyes: monitoring `api`, `web` in `prod`',
  'Monitoring prod',
  'info',
);

export const deploymentFailed = notificationOf(
  {
    type: 'DeploymentFailed',
    id: 'prod/api/ecs-svc/1234567890/DeploymentFailed',
    ...serviceState({ reason: 'circuit breaker: tasks failed to start', failedTasks: 3, success: false }),
    context: {
      stoppedTasks: [
        {
          taskArn: 'arn:aws:ecs:eu-west-1:123456789012:task/prod/abc',
          stoppedReason: '<script>alert(1)</script> Essential container exited',
          containers: [{ name: 'app', exitCode: 137, reason: 'OOMKilled' }],
        },
      ],
      changes: [{ name: 'app', previousImage: 'repo/api:1.0', image: 'repo/api:1.1' }],
      deployedBy: 'arn:aws:sts::123456789012:assumed-role/ci/gh-actions',
    },
  },
  ':x: `api` deployment failed: circuit breaker: tasks failed to start',
  'api deployment failed',
  'error',
);

export const serviceRemoved = notificationOf(
  {
    type: 'ServiceRemoved',
    id: 'prod/api/ServiceRemoved',
    cluster: 'prod',
    region: 'eu-west-1',
    observedAt: 0,
    service: 'api',
    reason: 'DRAINING',
    consoleUrl: 'https://example.invalid/api',
  },
  ':wastebasket: `api` was removed (DRAINING)',
  'api removed',
  'warning',
);
