import { AwsApiError } from './errors.js';
import { lastSegment } from './ids.js';
import { paginate } from './paginate.js';
import { renderServiceJson, renderTask, renderTaskDefinition } from './render.js';
import type { Arns } from './ids.js';
import type { SimCluster, SimService, SimTask, SimTaskDefinition } from './model.js';

/** The read-only view of the simulator that the API handlers answer from. */
export interface EcsModel {
  readonly region: string;
  readonly arns: Arns;
  readonly clusters: Map<string, SimCluster>;
  readonly taskIndex: Map<string, SimTask>;
  findTaskDefinition(ref: string): SimTaskDefinition | undefined;
}

type Input = Record<string, unknown>;
type Handler = (model: EcsModel, input: Input) => unknown;

function clusterOf(model: EcsModel, input: Input): SimCluster {
  const name = lastSegment(typeof input['cluster'] === 'string' ? input['cluster'] : 'default');
  const cluster = model.clusters.get(name);
  if (!cluster) throw new AwsApiError('ClusterNotFoundException', 'Cluster not found.');
  return cluster;
}

function stringList(input: Input, key: string, limit: number): string[] {
  const value = input[key];
  if (!Array.isArray(value) || value.length === 0 || !value.every((v) => typeof v === 'string')) {
    throw new AwsApiError('InvalidParameterException', `${key} can not be empty.`);
  }
  if (value.length > limit) {
    throw new AwsApiError('InvalidParameterException', `${key} can have at most ${limit} items.`);
  }
  return value as string[];
}

const listClusters: Handler = (model, input) => {
  const page = paginate(
    [...model.clusters.values()].map((c) => c.arn),
    input,
    { defaultMax: 100, limit: 100 },
  );
  return { clusterArns: page.items, ...(page.nextToken ? { nextToken: page.nextToken } : {}) };
};

const listServices: Handler = (model, input) => {
  const cluster = clusterOf(model, input);
  const launchType = input['launchType'];
  const arns: string[] = [];
  for (const s of cluster.services.values()) {
    // ListServices leaves out INACTIVE services; DescribeServices still shows them.
    if (s.status === 'INACTIVE' || (typeof launchType === 'string' && s.launchType !== launchType)) continue;
    arns.push(s.arn);
  }
  const page = paginate(arns, input, { defaultMax: 10, limit: 100 });
  return { serviceArns: page.items, ...(page.nextToken ? { nextToken: page.nextToken } : {}) };
};

/** A response body that is already JSON text. */
export class RawJson {
  constructor(readonly text: string) {}
}

const describeServices: Handler = (model, input) => {
  const cluster = clusterOf(model, input);
  const services: string[] = [];
  const failures: unknown[] = [];
  for (const ref of stringList(input, 'services', 10)) {
    const name = lastSegment(ref);
    const service = cluster.services.get(name);
    if (service) services.push(renderServiceJson(service, model.arns));
    else failures.push({ arn: model.arns.service(cluster.name, name), reason: 'MISSING' });
  }
  return new RawJson(`{"services":[${services.join(',')}],"failures":${JSON.stringify(failures)}}`);
};

function tasksForList(service: SimService, desired: string): SimTask[] {
  if (desired === 'STOPPED') return service.stopped;
  if (desired === 'PENDING') return service.tasks.filter((t) => t.lastStatus === 'PENDING');
  return service.tasks;
}

const listTasks: Handler = (model, input) => {
  const cluster = clusterOf(model, input);
  const desired = typeof input['desiredStatus'] === 'string' ? input['desiredStatus'] : 'RUNNING';
  const serviceName = input['serviceName'];
  let services: SimService[] = [...cluster.services.values()];
  if (typeof serviceName === 'string') {
    const one = cluster.services.get(lastSegment(serviceName));
    if (!one) throw new AwsApiError('ServiceNotFoundException', 'Service not found.');
    services = [one];
  }
  const family = input['family'];
  const startedBy = input['startedBy'];
  const arns: string[] = [];
  for (const service of services) {
    for (const t of tasksForList(service, desired)) {
      if (typeof family === 'string' && t.taskDefinition.family !== family) continue;
      if (typeof startedBy === 'string' && t.deploymentId !== startedBy) continue;
      arns.push(t.arn);
    }
  }
  const page = paginate(arns, input, { defaultMax: 100, limit: 100 });
  return { taskArns: page.items, ...(page.nextToken ? { nextToken: page.nextToken } : {}) };
};

const describeTasks: Handler = (model, input) => {
  const cluster = clusterOf(model, input);
  const tasks: unknown[] = [];
  const failures: unknown[] = [];
  for (const ref of stringList(input, 'tasks', 100)) {
    const arn = ref.startsWith('arn:') ? ref : model.arns.task(cluster.name, ref);
    const task = model.taskIndex.get(arn);
    if (task && task.cluster === cluster.name) tasks.push(renderTask(task, model.arns, model.region));
    else failures.push({ arn, reason: 'MISSING' });
  }
  return { tasks, failures };
};

const describeTaskDefinition: Handler = (model, input) => {
  const ref = input['taskDefinition'];
  const td = typeof ref === 'string' ? model.findTaskDefinition(ref) : undefined;
  if (!td) throw new AwsApiError('ClientException', 'Unable to describe task definition.');
  return { taskDefinition: renderTaskDefinition(td), tags: [] };
};

/**
 * The ECS actions the simulator answers, by the name after `AmazonEC2ContainerServiceV20141113.`
 * in `X-Amz-Target`. Each takes the parsed JSON body and returns the response body, or throws
 * an `AwsApiError` shaped as ECS answers it.
 *
 * @example
 * ecsActions['ListServices']?.(model, { cluster: 'prod', maxResults: 100 }); // { serviceArns: [...], nextToken }
 */
export const ecsActions: Readonly<Record<string, Handler>> = {
  ListClusters: listClusters,
  ListServices: listServices,
  DescribeServices: describeServices,
  ListTasks: listTasks,
  DescribeTasks: describeTasks,
  DescribeTaskDefinition: describeTaskDefinition,
};
