import { ACCOUNT_ID } from '../ids.js';
import type { SimDeployment, SimService, SimTask } from '../model.js';

/** What every EventBridge event of `source: aws.ecs` carries around its `detail`. */
interface Envelope {
  id: string;
  time: number;
  region: string;
  resources: string[];
}

function envelope(detailType: string, base: Envelope, detail: Record<string, unknown>): string {
  return JSON.stringify({
    version: '0',
    id: base.id,
    'detail-type': detailType,
    source: 'aws.ecs',
    account: ACCOUNT_ID,
    time: iso(base.time),
    region: base.region,
    resources: base.resources,
    detail,
  });
}

const iso = (ms: number): string => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

/**
 * An `ECS Deployment State Change` event, as EventBridge delivers it: `resources[0]` the
 * service ARN, `detail.eventName` SERVICE_DEPLOYMENT_IN_PROGRESS / COMPLETED / FAILED.
 *
 * @example
 * deploymentStateChange(service, deployment, 'SERVICE_DEPLOYMENT_COMPLETED', { id, time, region });
 */
export function deploymentStateChange(
  service: SimService,
  deployment: SimDeployment,
  eventName: 'SERVICE_DEPLOYMENT_IN_PROGRESS' | 'SERVICE_DEPLOYMENT_COMPLETED' | 'SERVICE_DEPLOYMENT_FAILED',
  base: Omit<Envelope, 'resources'>,
): string {
  return envelope(
    'ECS Deployment State Change',
    { ...base, resources: [service.arn] },
    {
      eventType: eventName === 'SERVICE_DEPLOYMENT_FAILED' ? 'ERROR' : 'INFO',
      eventName,
      deploymentId: deployment.id,
      updatedAt: iso(deployment.updatedAt),
      reason: deployment.rolloutStateReason,
    },
  );
}

/**
 * An `ECS Service Action` event (SERVICE_STEADY_STATE, SERVICE_TASK_PLACEMENT_FAILURE, …).
 *
 * @example
 * serviceAction(service, clusterArn, 'SERVICE_STEADY_STATE', { id, time, region });
 */
export function serviceAction(service: SimService, clusterArn: string, eventName: string, base: Omit<Envelope, 'resources'>): string {
  const eventType = eventName === 'SERVICE_STEADY_STATE' ? 'INFO' : 'WARN';
  return envelope(
    'ECS Service Action',
    { ...base, resources: [service.arn] },
    {
      eventType,
      eventName,
      clusterArn,
      createdAt: iso(base.time),
      ...(eventName === 'SERVICE_TASK_PLACEMENT_FAILURE' ? { reason: 'RESOURCE:MEMORY' } : {}),
    },
  );
}

/**
 * An `ECS Task State Change` event: `detail.group` is `service:NAME`, `detail.startedBy` the
 * deployment id, and a stopped task's `stopCode`, `stoppedReason` and containers' exit codes.
 *
 * @example
 * taskStateChange(task, clusterArn, { id, time, region });
 */
export function taskStateChange(task: SimTask, clusterArn: string, base: Omit<Envelope, 'resources'>): string {
  const stopped = task.lastStatus === 'STOPPED';
  const container = task.container;
  return envelope(
    'ECS Task State Change',
    { ...base, resources: [task.arn] },
    {
      clusterArn,
      taskArn: task.arn,
      taskDefinitionArn: task.taskDefinition.arn,
      group: `service:${task.service}`,
      startedBy: task.deploymentId,
      lastStatus: task.lastStatus,
      desiredStatus: stopped ? 'STOPPED' : 'RUNNING',
      launchType: 'FARGATE',
      cpu: String(task.taskDefinition.cpu),
      memory: String(task.taskDefinition.memory),
      createdAt: iso(task.createdAt),
      ...(task.startedAt !== undefined ? { startedAt: iso(task.startedAt) } : {}),
      ...(task.stoppingAt !== undefined ? { stoppingAt: iso(task.stoppingAt) } : {}),
      ...(task.stoppedAt !== undefined ? { stoppedAt: iso(task.stoppedAt) } : {}),
      ...(task.stopCode !== undefined ? { stopCode: task.stopCode } : {}),
      ...(task.stoppedReason !== undefined ? { stoppedReason: task.stoppedReason } : {}),
      updatedAt: iso(base.time),
      version: stopped ? 3 : task.lastStatus === 'RUNNING' ? 2 : 1,
      containers: [
        {
          containerArn: `${task.arn.replace(':task/', ':container/')}/${container.name}`,
          name: container.name,
          image: container.image,
          taskArn: task.arn,
          lastStatus: task.lastStatus,
          ...(container.exitCode !== undefined ? { exitCode: container.exitCode } : {}),
          ...(container.reason !== undefined ? { reason: container.reason } : {}),
        },
      ],
    },
  );
}
