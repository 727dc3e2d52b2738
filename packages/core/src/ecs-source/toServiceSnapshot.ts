import type { Deployment, Service } from '@aws-sdk/client-ecs';
import { serviceNameFromArn } from './serviceNameFromArn.js';
import type { DeploymentSnapshot, ServiceEventSnapshot, ServiceSnapshot } from '../model/snapshot.js';

/** Controllers whose services have no `deployments` in DescribeServices (DESIGN §3). */
const WITHOUT_DEPLOYMENTS: ReadonlySet<string> = new Set(['CODE_DEPLOY', 'EXTERNAL']);

/**
 * The fields the reducer needs that `service` lacks, by path; `[]` when it is complete. This is
 * the other half of `toServiceSnapshot`'s defaults: what is listed here is required (a default
 * would be a lie: a missing `runningCount` read as 0 is a false scale or crash), everything else
 * gets the default below. Needed: the service's `desiredCount` and `runningCount`; `deployments`,
 * unless the controller is CODE_DEPLOY or EXTERNAL (those have none); per deployment its `id`,
 * `status`, `desiredCount`, `runningCount` and `createdAt` (a missing one would time out at once).
 *
 * @example
 * incompleteFields({ serviceName: 'api', desiredCount: 2 }); // ['runningCount', 'deployments']
 */
export function incompleteFields(service: Service): string[] {
  const missing: string[] = [];
  if (service.desiredCount === undefined) missing.push('desiredCount');
  if (service.runningCount === undefined) missing.push('runningCount');
  const deployments = service.deployments;
  if (!deployments) {
    if (!WITHOUT_DEPLOYMENTS.has(service.deploymentController?.type ?? '')) missing.push('deployments');
    return missing;
  }
  for (let i = 0; i < deployments.length; i++) {
    const d = deployments[i] as Deployment;
    if (d.id === undefined) missing.push(`deployments[${i}].id`);
    if (d.status === undefined) missing.push(`deployments[${i}].status`);
    if (d.desiredCount === undefined) missing.push(`deployments[${i}].desiredCount`);
    if (d.runningCount === undefined) missing.push(`deployments[${i}].runningCount`);
    if (d.createdAt === undefined) missing.push(`deployments[${i}].createdAt`);
  }
  return missing;
}

/**
 * Narrows one DescribeServices `Service` to core's `ServiceSnapshot`: only the fields the reducer
 * reads, dates as epoch ms, absent optional counts as 0 and absent arrays as empty. The one place
 * where defaults are applied: everything downstream (reducer, recorder, replay) trusts these
 * types. Call it on a service `incompleteFields` found complete; an incomplete one is reported
 * in `ClusterSnapshot.incomplete` instead. A hot path (one call per service per tick), so it
 * reads each field once and copies nothing else.
 *
 * @example
 * const snapshot = toServiceSnapshot(service, cursors.take(name, service.events));
 */
export function toServiceSnapshot(service: Service, events: ServiceEventSnapshot[]): ServiceSnapshot {
  const snapshot: ServiceSnapshot = {
    name: service.serviceName ?? serviceNameFromArn(service.serviceArn ?? ''),
    arn: service.serviceArn ?? '',
    status: service.status ?? '',
    desiredCount: service.desiredCount ?? 0,
    runningCount: service.runningCount ?? 0,
    pendingCount: service.pendingCount ?? 0,
    deployments: toDeployments(service.deployments),
    events,
  };
  if (service.createdAt) snapshot.createdAt = service.createdAt.getTime();
  const controller = service.deploymentController?.type;
  if (controller) snapshot.deploymentController = controller;
  if (service.schedulingStrategy) snapshot.schedulingStrategy = service.schedulingStrategy;
  return snapshot;
}

function toDeployments(deployments: readonly Deployment[] | undefined): DeploymentSnapshot[] {
  if (!deployments) return [];
  const out = new Array<DeploymentSnapshot>(deployments.length);
  for (let i = 0; i < deployments.length; i++) out[i] = toDeployment(deployments[i] as Deployment);
  return out;
}

function toDeployment(d: Deployment): DeploymentSnapshot {
  const createdAt = d.createdAt?.getTime() ?? 0;
  const deployment: DeploymentSnapshot = {
    id: d.id ?? '',
    status: d.status ?? '',
    taskDefinition: d.taskDefinition ?? '',
    desiredCount: d.desiredCount ?? 0,
    runningCount: d.runningCount ?? 0,
    pendingCount: d.pendingCount ?? 0,
    failedTasks: d.failedTasks ?? 0,
    createdAt,
    // An absent updatedAt means no update since creation.
    updatedAt: d.updatedAt?.getTime() ?? createdAt,
  };
  if (d.rolloutState) deployment.rolloutState = d.rolloutState;
  if (d.rolloutStateReason) deployment.rolloutStateReason = d.rolloutStateReason;
  return deployment;
}
