import type { MonitorEvent } from '../model/events.js';
import type { Severity } from '../model/notification.js';

/**
 * How bad an event is, for colours, subjects and routing. A rollback completion is a warning,
 * not a success: the deployment people wanted did not happen.
 *
 * @example
 * severityOf({ type: 'DeploymentFailed', ... }); // 'error'
 */
export function severityOf(event: MonitorEvent): Severity {
  switch (event.type) {
    case 'MonitorStarted':
    case 'DeploymentStarted':
    case 'ScalingStarted':
      return 'info';
    case 'DeploymentCompleted':
      return event.kind === 'rollback' ? 'warning' : 'success';
    case 'MonitorRecovered':
      return 'success';
    case 'TasksFailing':
    case 'DeploymentTimedOut':
    case 'RollbackStarted':
    case 'ServiceRemoved':
    case 'MonitorDegraded':
      return 'warning';
    case 'DeploymentFailed':
    case 'TaskCrashed':
      return 'error';
  }
}
