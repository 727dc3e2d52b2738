/**
 * The DESIGN §4 semantic table, one rule per event type, in table order. Each rule is the only
 * place its event is emitted. Within a sweep, the cluster rules run first (their events describe
 * the sweep the service events come from), then every service, by name, through the service
 * rules: so events come out ordered by service name, then by this table, with no sort afterwards.
 */
import type { ClusterRule } from './ClusterRule.js';
import type { ServiceRule } from './ServiceRule.js';
import { deploymentCompleted } from './deploymentCompleted.js';
import { deploymentFailed } from './deploymentFailed.js';
import { deploymentStarted } from './deploymentStarted.js';
import { deploymentTimedOut } from './deploymentTimedOut.js';
import { monitorDegraded } from './monitorDegraded.js';
import { monitorRecovered } from './monitorRecovered.js';
import { monitorStarted } from './monitorStarted.js';
import { rollbackStarted } from './rollbackStarted.js';
import { scalingStarted } from './scalingStarted.js';
import { serviceRemoved } from './serviceRemoved.js';
import { taskCrashed } from './taskCrashed.js';
import { tasksFailing } from './tasksFailing.js';
import type { EventType } from '../../model/events.js';

/** One row of the table: the event type, whether it is about the cluster or a service, and its rule. */
export type TableRow = { type: EventType; scope: 'cluster'; rule: ClusterRule } | { type: EventType; scope: 'service'; rule: ServiceRule };

export const RULES: readonly TableRow[] = [
  { type: 'MonitorStarted', scope: 'cluster', rule: monitorStarted },
  { type: 'DeploymentStarted', scope: 'service', rule: deploymentStarted },
  { type: 'TasksFailing', scope: 'service', rule: tasksFailing },
  { type: 'DeploymentFailed', scope: 'service', rule: deploymentFailed },
  { type: 'RollbackStarted', scope: 'service', rule: rollbackStarted },
  { type: 'ScalingStarted', scope: 'service', rule: scalingStarted },
  { type: 'TaskCrashed', scope: 'service', rule: taskCrashed },
  { type: 'DeploymentCompleted', scope: 'service', rule: deploymentCompleted },
  { type: 'DeploymentTimedOut', scope: 'service', rule: deploymentTimedOut },
  { type: 'ServiceRemoved', scope: 'service', rule: serviceRemoved },
  { type: 'MonitorDegraded', scope: 'cluster', rule: monitorDegraded },
  { type: 'MonitorRecovered', scope: 'cluster', rule: monitorRecovered },
];

/** The cluster rows' rules, in table order. */
export const CLUSTER_RULES: readonly ClusterRule[] = RULES.flatMap((row) => (row.scope === 'cluster' ? [row.rule] : []));
/** The service rows' rules, in table order. */
export const SERVICE_RULES: readonly ServiceRule[] = RULES.flatMap((row) => (row.scope === 'service' ? [row.rule] : []));

export type { ClusterRule, ClusterSweep } from './ClusterRule.js';
export type { Change, RuleResult, ServiceRule, ServiceStep } from './ServiceRule.js';
