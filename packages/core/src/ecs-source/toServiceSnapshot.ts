import type { Deployment, Service } from '@aws-sdk/client-ecs';
import { serviceNameFromArn } from './serviceNameFromArn.js';
import type { DeploymentSnapshot, ServiceEventSnapshot, ServiceSnapshot } from '../model/snapshot.js';

/**
 * Narrows one DescribeServices `Service` to core's `ServiceSnapshot`: only the fields the reducer
 * reads, dates as epoch ms, absent counts as 0 and absent arrays as empty. A hot path (one call
 * per service per tick), so it reads each field once and copies nothing else.
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
