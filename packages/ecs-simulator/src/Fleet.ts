import { SimulatorError } from './errors.js';
import { lastSegment } from './ids.js';
import { HISTORY_SPACING_MS } from './render.js';
import { addServiceEvent } from './serviceEvents.js';
import { seedRunningTasks } from './tasks.js';
import type { EcsModel } from './ecsApi.js';
import type { Arns } from './ids.js';
import type { SimCluster, SimDeployment, SimService, SimTask, SimTaskDefinition } from './model.js';
import type { SimContext } from './SimContext.js';

/** Options of a new service. Every field has an ECS-like default. */
export interface ServiceOptions {
  /** Cluster name; created on first use. Default `default`. */
  cluster?: string;
  /** Default 2. */
  desiredCount?: number;
  /** Container image. Default `<name>:1`. */
  image?: string;
  /** Task definition family. Default the service name. */
  family?: string;
  cpu?: number;
  memory?: number;
  /** Default `FARGATE`. */
  launchType?: string;
  /** Default `REPLICA`. */
  schedulingStrategy?: string;
  /** Default `ECS`. `CODE_DEPLOY`/`EXTERNAL` are shown as such but roll out like `ECS`. */
  deploymentController?: string;
  /** Older steady-state events to show (0..100), synthesised on render. Default 0. */
  history?: number;
}

/**
 * The simulated account: clusters, services, tasks and task definitions, and the model
 * operations shared by the scenario API and the API handlers.
 *
 * @example
 * const fleet = new Fleet('eu-west-1', ctx);
 * fleet.createService('api', { desiredCount: 2 }, 'steady');
 */
export class Fleet implements EcsModel {
  readonly clusters = new Map<string, SimCluster>();
  readonly taskIndex: Map<string, SimTask>;
  readonly arns: Arns;
  private readonly taskDefinitions = new Map<string, SimTaskDefinition>();
  private readonly latest = new Map<string, SimTaskDefinition>();

  constructor(
    readonly region: string,
    readonly ctx: SimContext,
  ) {
    this.taskIndex = ctx.taskIndex;
    this.arns = ctx.arns;
  }

  /** The named cluster, created on first use (a name or an ARN). */
  cluster(nameOrArn: string): SimCluster {
    const name = lastSegment(nameOrArn);
    let cluster = this.clusters.get(name);
    if (!cluster) {
      cluster = { name, arn: this.arns.cluster(name), services: new Map() };
      this.clusters.set(name, cluster);
    }
    return cluster;
  }

  /** A service by `name` (default cluster) or `cluster/name`; throws when unknown. */
  service(ref: string): SimService {
    const slash = ref.indexOf('/');
    const clusterName = slash >= 0 ? ref.slice(0, slash) : 'default';
    const name = slash >= 0 ? ref.slice(slash + 1) : ref;
    const service = this.clusters.get(clusterName)?.services.get(name);
    if (!service) throw new SimulatorError('SIM_SERVICE_NOT_FOUND', `no service ${name} in cluster ${clusterName}`);
    return service;
  }

  /** Registers the next revision of a family. */
  registerTaskDefinition(family: string, spec: { image: string; cpu?: number; memory?: number }): SimTaskDefinition {
    const revision = (this.latest.get(family)?.revision ?? 0) + 1;
    const td: SimTaskDefinition = {
      arn: this.arns.taskDefinition(family, revision),
      family,
      revision,
      image: spec.image,
      cpu: spec.cpu ?? 256,
      memory: spec.memory ?? 512,
      registeredAt: this.ctx.now(),
    };
    this.taskDefinitions.set(td.arn, td);
    this.latest.set(family, td);
    return td;
  }

  /** A task definition by ARN, `family:revision` or `family` (latest), as ECS resolves it. */
  findTaskDefinition(ref: string): SimTaskDefinition | undefined {
    const short = ref.startsWith('arn:') ? ref.slice(ref.indexOf('task-definition/') + 'task-definition/'.length) : ref;
    const colon = short.lastIndexOf(':');
    if (colon < 0) return this.latest.get(short);
    return this.taskDefinitions.get(this.arns.taskDefinition(short.slice(0, colon), Number(short.slice(colon + 1))));
  }

  /** A new PRIMARY deployment of `td`, in progress. */
  newDeployment(td: SimTaskDefinition, previous: SimTaskDefinition | undefined, desiredCount: number): SimDeployment {
    const now = this.ctx.now();
    const id = this.ctx.ids.deploymentId();
    return {
      id,
      status: 'PRIMARY',
      taskDefinition: td,
      previous,
      desiredCount,
      failedTasks: 0,
      createdAt: now,
      updatedAt: now,
      rolloutState: 'IN_PROGRESS',
      rolloutStateReason: `ECS deployment ${id} in progress.`,
      mode: 'normal',
      rollback: false,
      failure: undefined,
    };
  }

  /**
   * Creates a service. `steady`: already running at desired count (a baseline, no events but a
   * steady state); `new`: just created, its first deployment rolls out as time advances.
   */
  createService(name: string, options: ServiceOptions, start: 'steady' | 'new'): SimService {
    const cluster = this.cluster(options.cluster ?? 'default');
    if (cluster.services.get(name)?.status === 'ACTIVE') {
      throw new SimulatorError('SIM_SERVICE_EXISTS', `service ${name} already exists in cluster ${cluster.name}`);
    }
    const now = this.ctx.now();
    const history = Math.max(0, Math.min(100, Math.floor(options.history ?? 0)));
    const desiredCount = options.desiredCount ?? 2;
    const td = this.registerTaskDefinition(options.family ?? name, {
      image: options.image ?? `${name}:1`,
      ...(options.cpu !== undefined ? { cpu: options.cpu } : {}),
      ...(options.memory !== undefined ? { memory: options.memory } : {}),
    });
    const deployment = this.newDeployment(td, undefined, desiredCount);
    const service: SimService = {
      name,
      arn: this.arns.service(cluster.name, name),
      cluster: cluster.name,
      status: 'ACTIVE',
      desiredCount,
      createdAt: now - (start === 'steady' ? (history + 1) * HISTORY_SPACING_MS : 0),
      launchType: options.launchType ?? 'FARGATE',
      schedulingStrategy: options.schedulingStrategy ?? 'REPLICA',
      deploymentController: options.deploymentController ?? 'ECS',
      deployments: [deployment],
      events: [],
      history: start === 'steady' ? history : 0,
      historyEnd: now - HISTORY_SPACING_MS,
      tasks: [],
      stopped: [],
    };
    cluster.services.set(name, service);
    if (start === 'steady') this.settle(service, deployment);
    return service;
  }

  private settle(service: SimService, deployment: SimDeployment): void {
    deployment.createdAt = service.createdAt;
    deployment.updatedAt = service.createdAt;
    deployment.rolloutState = 'COMPLETED';
    deployment.rolloutStateReason = `ECS deployment ${deployment.id} completed.`;
    seedRunningTasks(service, deployment, deployment.desiredCount, this.ctx);
    addServiceEvent(service, this.ctx, 'has reached a steady state.');
  }
}
