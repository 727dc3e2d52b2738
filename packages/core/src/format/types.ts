import type {
  DeploymentCompleted,
  DeploymentFailed,
  DeploymentStarted,
  DeploymentTimedOut,
  MonitorDegraded,
  MonitorRecovered,
  RollbackStarted,
  ScalingStarted,
  ServiceRemoved,
  TaskCrashed,
  TasksFailing,
} from '../model/events.js';

/**
 * One function per formatter key, each returning the message text (Slack mrkdwn by default).
 * The first six keys and their signatures are the original mona's; users override any subset.
 */
export interface Formatter {
  /** `account` (Mona's addition) is the cluster's account label in a multi-account set-up; absent otherwise. */
  monitorDeploy(serviceNames: string[], cluster: string, account?: string): string;
  deploy(state: DeploymentStarted): string;
  scale(state: ScalingStarted): string;
  recover(state: TaskCrashed): string;
  deployDone(state: DeploymentCompleted): string;
  deployTimeout(state: DeploymentTimedOut): string;
  tasksFailing(state: TasksFailing): string;
  deployFailed(state: DeploymentFailed): string;
  rollback(state: RollbackStarted): string;
  serviceRemoved(state: ServiceRemoved): string;
  monitorDegraded(state: MonitorDegraded): string;
  monitorRecovered(state: MonitorRecovered): string;
}
