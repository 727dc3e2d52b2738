import { addServiceEvent } from './serviceEvents.js';
import { launchTasks, schedulerStop, stopTasks, tasksOf } from './tasks.js';
import type { SimContext } from './SimContext.js';
import type { SimDeployment, SimService, StopSpec } from './model.js';

/** Failure applied to every task of a deployment that `failDeployment` marked. */
export const DEFAULT_FAILURE: StopSpec = {
  stopCode: 'TaskFailedToStart',
  stoppedReason: 'CannotPullContainerError: pull image manifest has been retried 5 time(s): not found',
};

/**
 * Advances one service by one step of the rolling update (minimumHealthyPercent 100,
 * maximumPercent 200): pending tasks start, the PRIMARY launches up to `tasksPerStep` tasks,
 * older deployments drain as new tasks run, and the rollout completes. Returns whether the
 * service still has work to do, so the simulator only steps services that are moving.
 *
 * @example
 * while (stepService(service, ctx)) ctx.advanceOneStep();
 */
export function stepService(service: SimService, ctx: SimContext): boolean {
  if (service.status !== 'ACTIVE') return drainService(service, ctx);
  const primary = service.deployments[0];
  if (!primary) return false;
  startPending(service, ctx);
  if (primary.mode === 'fail' && primary.rolloutState === 'IN_PROGRESS' && primary.failedTasks >= ctx.failureThreshold) {
    tripCircuitBreaker(service, primary, ctx);
    return true;
  }
  if (primary.rolloutState === 'FAILED') return false;
  matchDesired(service, primary, ctx);
  drainOld(service, primary, ctx);
  return finish(service, primary, ctx);
}

/**
 * Pending tasks start, unless their deployment stalls or fails: that holds for a deployment a
 * newer one replaced too, since its tasks still cannot be placed, or still fail to start.
 */
function startPending(service: SimService, ctx: SimContext): void {
  const now = ctx.now();
  const failing = new Map<SimDeployment, typeof service.tasks>();
  for (const task of service.tasks) {
    if (task.lastStatus !== 'PENDING') continue;
    const dep = service.deployments.find((d) => d.id === task.deploymentId);
    if (dep?.mode === 'stall') continue;
    if (dep?.mode === 'fail') {
      failing.set(dep, [...(failing.get(dep) ?? []), task]);
      continue;
    }
    task.lastStatus = 'RUNNING';
    task.startedAt = now;
    if (dep) dep.updatedAt = now;
  }
  for (const [dep, tasks] of failing) {
    stopTasks(service, tasks, dep.failure ?? DEFAULT_FAILURE, ctx);
    dep.failedTasks += tasks.length;
  }
}

function matchDesired(service: SimService, primary: SimDeployment, ctx: SimContext): void {
  const mine = tasksOf(service, primary.id);
  const deficit = primary.desiredCount - mine.length;
  if (deficit > 0) {
    if (service.holdUntil !== undefined && ctx.now() < service.holdUntil) return;
    const stalledBefore = primary.mode === 'stall' && mine.length > 0;
    if (stalledBefore) return;
    const count = primary.mode === 'stall' ? deficit : Math.min(ctx.tasksPerStep, deficit);
    launchTasks(service, primary, count, ctx);
    if (primary.mode === 'stall') {
      addServiceEvent(service, ctx, 'was unable to place a task because no container instance met all of its requirements.');
    }
  } else if (deficit < 0) {
    // Scale-in stops pending tasks first, then the newest running ones, as the scheduler does.
    const ordered = [...mine].sort((a, b) =>
      a.lastStatus === b.lastStatus ? b.createdAt - a.createdAt : a.lastStatus === 'PENDING' ? -1 : 1,
    );
    const victims = ordered.slice(0, -deficit);
    stopTasks(service, victims, schedulerStop(primary), ctx);
    addServiceEvent(service, ctx, `has stopped ${victims.length} running tasks.`);
  }
}

function drainOld(service: SimService, primary: SimDeployment, ctx: SimContext): void {
  const primaryRunning = tasksOf(service, primary.id, 'RUNNING').length;
  for (const old of service.deployments.slice(1)) {
    const oldTasks = tasksOf(service, old.id);
    const others = service.tasks.filter((t) => t.lastStatus === 'RUNNING' && t.deploymentId !== old.id).length;
    // Keep the service at desired capacity: stop old tasks only as new ones are running.
    const excess = Math.max(0, others + oldTasks.length - primary.desiredCount);
    const victims = [...oldTasks.filter((t) => t.lastStatus === 'PENDING'), ...oldTasks.filter((t) => t.lastStatus === 'RUNNING')].slice(
      0,
      Math.min(oldTasks.length, primaryRunning > 0 ? excess : 0),
    );
    if (victims.length > 0) {
      stopTasks(service, victims, schedulerStop(old), ctx);
      old.desiredCount = oldTasks.length - victims.length;
      addServiceEvent(service, ctx, `has stopped ${victims.length} running tasks.`);
    }
  }
}

function finish(service: SimService, primary: SimDeployment, ctx: SimContext): boolean {
  const running = tasksOf(service, primary.id, 'RUNNING').length;
  const settled = running === primary.desiredCount && service.tasks.length === running && primary.mode === 'normal';
  if (!settled) return true;
  const now = ctx.now();
  for (const old of service.deployments.slice(1)) old.status = 'INACTIVE';
  service.deployments = [primary];
  if (primary.rolloutState === 'IN_PROGRESS') {
    primary.rolloutState = 'COMPLETED';
    primary.rolloutStateReason = `ECS deployment ${primary.id} completed.`;
    primary.updatedAt = now;
    addServiceEvent(service, ctx, `(deployment ${primary.id}) deployment completed.`);
  }
  addServiceEvent(service, ctx, 'has reached a steady state.');
  return false;
}

function tripCircuitBreaker(service: SimService, failed: SimDeployment, ctx: SimContext): void {
  const now = ctx.now();
  const rollbackTo = service.deployments[1];
  failed.rolloutState = 'FAILED';
  failed.updatedAt = now;
  failed.rolloutStateReason = 'ECS deployment circuit breaker: task failed to start.';
  addServiceEvent(service, ctx, `(deployment ${failed.id}) deployment failed: tasks failed to start.`);
  if (!failed.rollback || !failed.previous) return;
  failed.rolloutStateReason += ` Rolling back to deployment ${rollbackTo?.id ?? failed.id}.`;
  failed.status = 'ACTIVE';
  const id = ctx.ids.deploymentId();
  const rollback: SimDeployment = {
    id,
    status: 'PRIMARY',
    taskDefinition: failed.previous,
    previous: failed.taskDefinition,
    desiredCount: service.desiredCount,
    failedTasks: 0,
    createdAt: now,
    updatedAt: now,
    rolloutState: 'IN_PROGRESS',
    rolloutStateReason: `ECS deployment circuit breaker: rolling back to deployment ${rollbackTo?.id ?? id}.`,
    mode: 'normal',
    rollback: false,
    failure: undefined,
  };
  service.deployments.unshift(rollback);
  addServiceEvent(service, ctx, `rolling back to deployment ${rollbackTo?.id ?? id}.`);
}

function drainService(service: SimService, ctx: SimContext): boolean {
  if (service.status !== 'DRAINING') return false;
  const victims = [...service.tasks];
  for (const dep of service.deployments) {
    stopTasks(
      service,
      victims.filter((t) => t.deploymentId === dep.id),
      schedulerStop(dep),
      ctx,
    );
    dep.desiredCount = 0;
  }
  if (victims.length > 0) addServiceEvent(service, ctx, `has stopped ${victims.length} running tasks.`);
  service.status = 'INACTIVE';
  return false;
}
