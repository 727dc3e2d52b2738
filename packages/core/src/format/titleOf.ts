import type { DeploymentCompleted, MonitorEvent } from '../model/events.js';

const COMPLETION_TITLE: Record<DeploymentCompleted['kind'], string> = {
  deploy: 'deployment done',
  scale: 'scaling done',
  recover: 'recovered',
  rollback: 'rollback done',
};

/** What happened, in a few words, without the subject. */
function what(event: MonitorEvent): string {
  switch (event.type) {
    case 'MonitorStarted':
      return `monitoring ${event.serviceNames.length} ${event.serviceNames.length === 1 ? 'service' : 'services'}`;
    case 'DeploymentStarted':
      return 'deployment started';
    case 'TasksFailing':
      return 'tasks failing during deployment';
    case 'DeploymentFailed':
      return 'deployment failed';
    case 'RollbackStarted':
      return 'rollback started';
    case 'ScalingStarted':
      return `scaling ${event.previousDesiredCount} → ${event.desiredCount}`;
    case 'TaskCrashed':
      return 'task crashed';
    case 'DeploymentCompleted':
      return COMPLETION_TITLE[event.kind] ?? `${String(event.kind)} done`;
    case 'DeploymentTimedOut':
      return 'deployment timed out';
    case 'ServiceRemoved':
      return 'service removed';
    case 'MonitorDegraded':
      return 'cluster unreachable';
    case 'MonitorRecovered':
      return 'cluster reachable again';
  }
}

/**
 * A short plain-text title (an email subject, a push notification, an SNS subject):
 * `<service or Mona>: <what happened> (<cluster>)`, the cluster as `account/cluster` when it has an
 * account. Plain text, not escaped: each sender
 * escapes it for its channel.
 *
 * @example
 * titleOf(deploymentStarted); // 'api: deployment started (prod)'
 */
export function titleOf(event: MonitorEvent): string {
  const subject = 'service' in event ? event.service : 'Mona';
  return `${subject}: ${what(event)} (${event.account ? `${event.account}/` : ''}${event.cluster})`;
}
