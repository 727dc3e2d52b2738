import type { SimService, SimTask } from '../model.js';
import { deploymentStateChange, serviceAction, taskStateChange } from './ecsEvents.js';

/** What the feed remembers of a service, to tell what changed. */
interface Seen {
  rollout: Map<string, string>;
  tasks: Map<string, { task: SimTask; status: SimTask['lastStatus'] }>;
  steady: boolean;
  stalled: boolean;
}

/** What the feed needs from the simulator. */
export interface ChangeFeedDeps {
  region: string;
  now(): number;
  uuid(): string;
  clusterArn(cluster: string): string;
  publish(body: string): void;
}

/**
 * Turns every change the simulator makes to a service into the EventBridge events ECS would
 * send for it: a deployment's rollout state (IN_PROGRESS, COMPLETED, FAILED), a task's status
 * (PENDING, RUNNING, STOPPED with its stop reason and exit code), a service reaching steady
 * state, a placement failure. It compares each service with what it saw last, so the model
 * code stays free of event plumbing.
 *
 * @example
 * feed.prime(service); applyScenario.deploy(fleet, service, {}); feed.sync(service); // SERVICE_DEPLOYMENT_IN_PROGRESS
 */
export class ChangeFeed {
  private readonly seen = new WeakMap<SimService, Seen>();

  constructor(private readonly deps: ChangeFeedDeps) {}

  /** Remembers the service as it is now, unless it is already remembered (a baseline is not news). */
  prime(service: SimService): void {
    if (!this.seen.has(service)) this.seen.set(service, seenOf(service));
  }

  /** Remembers nothing of a new service, so its first deployment and tasks are news. */
  primeEmpty(service: SimService): void {
    this.seen.set(service, { rollout: new Map(), tasks: new Map(), steady: false, stalled: false });
  }

  /** Publishes what changed since the service was last seen, and remembers it as it is now. */
  sync(service: SimService): void {
    const before = this.seen.get(service);
    const after = seenOf(service);
    this.seen.set(service, after);
    if (!before) return;
    const clusterArn = this.deps.clusterArn(service.cluster);
    // Tasks first: ECS reports a deployment complete after its last task changed.
    for (const [id, { task, status }] of after.tasks) {
      if (before.tasks.get(id)?.status !== status) this.deps.publish(taskStateChange(task, clusterArn, this.base()));
    }
    for (const [id, { task }] of before.tasks) {
      if (!after.tasks.has(id)) this.deps.publish(taskStateChange(task, clusterArn, this.base()));
    }
    for (const deployment of service.deployments) {
      const state = deployment.rolloutState;
      if (before.rollout.get(deployment.id) === state) continue;
      const name =
        state === 'IN_PROGRESS'
          ? 'SERVICE_DEPLOYMENT_IN_PROGRESS'
          : state === 'COMPLETED'
            ? 'SERVICE_DEPLOYMENT_COMPLETED'
            : 'SERVICE_DEPLOYMENT_FAILED';
      this.deps.publish(deploymentStateChange(service, deployment, name, this.base()));
    }
    if (after.stalled && !before.stalled)
      this.deps.publish(serviceAction(service, clusterArn, 'SERVICE_TASK_PLACEMENT_FAILURE', this.base()));
    if (after.steady && !before.steady) this.deps.publish(serviceAction(service, clusterArn, 'SERVICE_STEADY_STATE', this.base()));
  }

  private base() {
    return { id: this.deps.uuid(), time: this.deps.now(), region: this.deps.region };
  }
}

function seenOf(service: SimService): Seen {
  const primary = service.deployments[0];
  const running = service.tasks.filter((t) => t.lastStatus === 'RUNNING').length;
  return {
    rollout: new Map(service.deployments.map((d) => [d.id, d.rolloutState])),
    tasks: new Map(service.tasks.map((t) => [t.id, { task: t, status: t.lastStatus }])),
    steady:
      service.status === 'ACTIVE' &&
      service.deployments.length === 1 &&
      primary?.rolloutState === 'COMPLETED' &&
      running === service.desiredCount &&
      running === service.tasks.length,
    stalled: primary?.mode === 'stall' && service.tasks.some((t) => t.lastStatus === 'PENDING'),
  };
}
