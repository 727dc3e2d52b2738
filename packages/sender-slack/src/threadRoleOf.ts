import type { MonitorEvent } from '@mona-ecs/core';

/**
 * Where a message goes in bot mode:
 * - `standalone`: cluster-level events and removed services, a top-level message of their own;
 * - `parent`: the start of a phase (deployment, scaling, crash recovery), a new thread;
 * - `reply`: later news of the same deployment; `finalEmoji` set when the phase ended, so the
 *   parent is updated with it. `joinKey` is a thread this one continues (a rollback continues
 *   the thread of the deployment it rolls back).
 */
export type ThreadRole =
  { kind: 'standalone' } | { kind: 'parent'; key: string } | { kind: 'reply'; key: string; joinKey?: string; finalEmoji?: string };

/** One deployment's thread: same cluster, service and deployment id. */
export function threadKey(cluster: string, service: string, deploymentId: string): string {
  return `${cluster}/${service}/${deploymentId}`;
}

/**
 * Decide where a notification goes in bot mode.
 *
 * A completed rollback gets `:leftwards_arrow_with_hook:`, not a check mark: it ends in the
 * failed deployment's thread, whose parent must not read as a success.
 *
 * @example
 * threadRoleOf(deploymentStarted);   // { kind: 'parent', key: 'prod/api/ecs-svc/1' }
 * threadRoleOf(deploymentCompleted); // { kind: 'reply', key: 'prod/api/ecs-svc/1', finalEmoji: ':white_check_mark:' }
 */
export function threadRoleOf(event: MonitorEvent): ThreadRole {
  switch (event.type) {
    case 'MonitorStarted':
    case 'MonitorDegraded':
    case 'MonitorRecovered':
    case 'ServiceRemoved':
      return { kind: 'standalone' };
    case 'DeploymentStarted':
    case 'ScalingStarted':
    case 'TaskCrashed':
      return { kind: 'parent', key: threadKey(event.cluster, event.service, event.deploymentId) };
    case 'RollbackStarted': {
      const key = threadKey(event.cluster, event.service, event.deploymentId);
      if (event.failedDeploymentId === undefined) return { kind: 'parent', key };
      return { kind: 'reply', key, joinKey: threadKey(event.cluster, event.service, event.failedDeploymentId) };
    }
    case 'DeploymentCompleted': {
      const finalEmoji = event.kind === 'rollback' ? ':leftwards_arrow_with_hook:' : ':white_check_mark:';
      return { kind: 'reply', key: threadKey(event.cluster, event.service, event.deploymentId), finalEmoji };
    }
    case 'DeploymentFailed':
      return { kind: 'reply', key: threadKey(event.cluster, event.service, event.deploymentId), finalEmoji: ':x:' };
    default:
      return { kind: 'reply', key: threadKey(event.cluster, event.service, event.deploymentId) };
  }
}
