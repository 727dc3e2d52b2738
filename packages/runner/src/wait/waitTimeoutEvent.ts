import { consoleUrl } from '@mona-ecs/core/pipeline';
import type { DeploymentTimedOut } from '@mona-ecs/core/format';
import type { ServiceWait, WaitProgress } from './WaitProgress.js';

const iso = (ms: number): string => (Number.isFinite(ms) ? new Date(ms).toISOString() : '');

/**
 * The `DeploymentTimedOut` event a wait sends when `--timeout` passes, so the senders tell the
 * same story as the exit code 3. `secondsUntilAlert` is the wait's timeout; the id ends in
 * `/wait` so it never de-duplicates against the monitor's own stall alert for that deployment.
 * `undefined` when no deployment was being followed.
 *
 * @example
 * const event = waitTimeoutEvent(progress, wait, 900);
 * // { type: 'DeploymentTimedOut', id: 'prod/api/ecs-svc/1/DeploymentTimedOut/wait', secondsUntilAlert: 900, … }
 */
export function waitTimeoutEvent(progress: WaitProgress, wait: ServiceWait, timeoutSeconds: number): DeploymentTimedOut | undefined {
  const deployment = wait.deployment;
  if (!deployment || wait.deploymentId === undefined) return undefined;
  const observedAt = progress.lastObservedAt ?? deployment.updatedAt;
  return {
    type: 'DeploymentTimedOut',
    id: `${progress.cluster}/${wait.service}/${wait.deploymentId}/DeploymentTimedOut/wait`,
    cluster: progress.cluster,
    region: progress.region,
    observedAt,
    service: wait.service,
    deploymentId: wait.deploymentId,
    deploymentCreated: iso(deployment.createdAt),
    deploymentUpdated: iso(deployment.updatedAt),
    taskDef: deployment.taskDefinition,
    runningCount: wait.serviceRunningCount ?? deployment.runningCount,
    desiredCount: deployment.desiredCount,
    deploymentRunningCount: deployment.runningCount,
    pendingCount: deployment.pendingCount,
    failedTasks: deployment.failedTasks,
    success: false,
    durationSeconds: Math.max(0, Math.round((observedAt - deployment.createdAt) / 1000)),
    consoleUrl: consoleUrl(progress.region, progress.cluster, wait.service),
    secondsUntilAlert: Math.round(timeoutSeconds),
  };
}
