import { MAX_SERVICE_EVENTS } from './serviceEvents.js';
import type { Arns } from './ids.js';
import type { SimDeployment, SimService, SimTask, SimTaskDefinition } from './model.js';

/** Gap between two synthetic history events. */
export const HISTORY_SPACING_MS = 6 * 3600_000;

/** ECS's JSON protocol sends timestamps as epoch seconds (with a fraction). */
const seconds = (ms: number): number => ms / 1000;

/**
 * A service as DescribeServices returns it, without its events (see `renderServiceJson`).
 *
 * @example
 * renderService(service, arns).runningCount; // 2
 */
export function renderService(service: SimService, arns: Arns): Record<string, unknown> {
  const primary = service.deployments[0];
  let running = 0;
  let pending = 0;
  for (const t of service.tasks) {
    if (t.lastStatus === 'RUNNING') running += 1;
    else pending += 1;
  }
  return {
    serviceArn: service.arn,
    serviceName: service.name,
    clusterArn: arns.cluster(service.cluster),
    loadBalancers: [],
    serviceRegistries: [],
    status: service.status,
    desiredCount: service.desiredCount,
    runningCount: running,
    pendingCount: pending,
    launchType: service.launchType,
    platformVersion: 'LATEST',
    platformFamily: 'Linux',
    taskDefinition: primary?.taskDefinition.arn,
    deploymentConfiguration: {
      deploymentCircuitBreaker: { enable: true, rollback: true },
      maximumPercent: 200,
      minimumHealthyPercent: 100,
    },
    deployments: service.deployments.map((d) => renderDeployment(service, d)),
    createdAt: seconds(service.createdAt),
    placementConstraints: [],
    placementStrategy: [],
    schedulingStrategy: service.schedulingStrategy,
    deploymentController: { type: service.deploymentController },
    createdBy: `arn:aws:iam::${service.arn.split(':')[4]}:role/deployer`,
    enableECSManagedTags: false,
    propagateTags: 'NONE',
    enableExecuteCommand: false,
  };
}

function renderDeployment(service: SimService, d: SimDeployment): Record<string, unknown> {
  let running = 0;
  let pending = 0;
  for (const t of service.tasks) {
    if (t.deploymentId !== d.id) continue;
    if (t.lastStatus === 'RUNNING') running += 1;
    else pending += 1;
  }
  return {
    id: d.id,
    status: d.status,
    taskDefinition: d.taskDefinition.arn,
    desiredCount: d.desiredCount,
    pendingCount: pending,
    runningCount: running,
    failedTasks: d.failedTasks,
    createdAt: seconds(d.createdAt),
    updatedAt: seconds(d.updatedAt),
    launchType: service.launchType,
    platformVersion: '1.4.0',
    platformFamily: 'Linux',
    rolloutState: d.rolloutState,
    rolloutStateReason: d.rolloutStateReason,
  };
}

/**
 * The service as DescribeServices JSON text. Events are written as text directly: they are 95 %
 * of the bytes of a large sweep, and building 100 objects per service only to stringify them
 * doubled the simulator's CPU per sweep in the benchmark.
 *
 * @example
 * `{"services":[${renderServiceJson(service, arns)}],"failures":[]}`
 */
export function renderServiceJson(service: SimService, arns: Arns): string {
  const body = JSON.stringify(renderService(service, arns));
  return `${body.slice(0, -1)},"events":[${renderEventsJson(service)}]}`;
}

/** Real events newest first, then the synthetic steady-state history up to 100 in all. */
function renderEventsJson(service: SimService): string {
  const out: string[] = [];
  for (let i = service.events.length - 1; i >= 0; i -= 1) {
    const e = service.events[i];
    if (e) out.push(JSON.stringify({ id: e.id, createdAt: seconds(e.createdAt), message: e.message }));
  }
  const synthetic = Math.min(service.history, MAX_SERVICE_EVENTS - out.length);
  if (synthetic <= 0) return out.join(',');
  const message = JSON.stringify(`(service ${service.name}) has reached a steady state.`);
  const prefix = `{"id":"${fnv1a(service.arn)}-0000-4000-8000-`;
  for (let k = 0; k < synthetic; k += 1) {
    const createdAt = seconds(service.historyEnd - k * HISTORY_SPACING_MS);
    out.push(`${prefix}${k.toString(16).padStart(12, '0')}","createdAt":${createdAt},"message":${message}}`);
  }
  return out.join(',');
}

/** An 8-hex-digit hash, so synthetic event ids differ between services. */
function fnv1a(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(16).padStart(8, '0');
}

/**
 * A task as DescribeTasks returns it: stopped tasks carry stopCode, stoppedReason and the
 * container's exitCode and reason.
 *
 * @example
 * renderTask(task, arns, 'eu-west-1').stopCode; // 'EssentialContainerExited'
 */
export function renderTask(task: SimTask, arns: Arns, region: string): Record<string, unknown> {
  const stopped = task.lastStatus === 'STOPPED';
  const container: Record<string, unknown> = {
    containerArn: `${task.arn.replace(':task/', ':container/')}/${task.container.name}`,
    taskArn: task.arn,
    name: task.container.name,
    image: task.container.image,
    lastStatus: task.lastStatus,
    networkBindings: [],
    healthStatus: 'UNKNOWN',
  };
  if (task.container.exitCode !== undefined) container['exitCode'] = task.container.exitCode;
  if (task.container.reason !== undefined) container['reason'] = task.container.reason;
  const out: Record<string, unknown> = {
    taskArn: task.arn,
    clusterArn: arns.cluster(task.cluster),
    taskDefinitionArn: task.taskDefinition.arn,
    group: `service:${task.service}`,
    startedBy: task.deploymentId,
    lastStatus: task.lastStatus,
    desiredStatus: stopped ? 'STOPPED' : 'RUNNING',
    launchType: 'FARGATE',
    availabilityZone: `${region}a`,
    connectivity: 'CONNECTED',
    cpu: String(task.taskDefinition.cpu),
    memory: String(task.taskDefinition.memory),
    healthStatus: 'UNKNOWN',
    version: stopped ? 3 : 2,
    createdAt: seconds(task.createdAt),
    containers: [container],
  };
  if (task.startedAt !== undefined) out['startedAt'] = seconds(task.startedAt);
  if (task.stoppingAt !== undefined) out['stoppingAt'] = seconds(task.stoppingAt);
  if (task.stoppedAt !== undefined) out['stoppedAt'] = seconds(task.stoppedAt);
  if (task.stopCode !== undefined) out['stopCode'] = task.stopCode;
  if (task.stoppedReason !== undefined) out['stoppedReason'] = task.stoppedReason;
  return out;
}

/**
 * A task definition as DescribeTaskDefinition returns it (one essential container).
 *
 * @example
 * renderTaskDefinition(td).containerDefinitions; // [{ name: 'api', image: 'api:2', cpu: 256, memory: 512, essential: true }]
 */
export function renderTaskDefinition(td: SimTaskDefinition): Record<string, unknown> {
  return {
    taskDefinitionArn: td.arn,
    family: td.family,
    revision: td.revision,
    status: 'ACTIVE',
    networkMode: 'awsvpc',
    requiresCompatibilities: ['FARGATE'],
    cpu: String(td.cpu),
    memory: String(td.memory),
    registeredAt: seconds(td.registeredAt),
    containerDefinitions: [{ name: td.family, image: td.image, cpu: td.cpu, memory: td.memory, essential: true, portMappings: [] }],
  };
}
