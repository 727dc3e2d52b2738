import { addServiceEvent, taskList } from './serviceEvents.js';
import type { SimContext } from './SimContext.js';
import type { SimDeployment, SimService, SimTask, StopSpec } from './model.js';

/**
 * Starts `count` PENDING tasks for a deployment and logs the ECS "has started" event.
 *
 * @example
 * launchTasks(service, primary, 2, ctx); // '(service api) has started 2 tasks: (task ..) (task ..).'
 */
export function launchTasks(service: SimService, deployment: SimDeployment, count: number, ctx: SimContext): SimTask[] {
  const started: SimTask[] = [];
  for (let i = 0; i < count; i += 1) {
    const id = ctx.ids.taskId();
    const task: SimTask = {
      id,
      arn: ctx.arns.task(service.cluster, id),
      cluster: service.cluster,
      service: service.name,
      deploymentId: deployment.id,
      taskDefinition: deployment.taskDefinition,
      lastStatus: 'PENDING',
      createdAt: ctx.now(),
      container: { name: deployment.taskDefinition.family, image: deployment.taskDefinition.image },
    };
    service.tasks.push(task);
    ctx.taskIndex.set(task.arn, task);
    started.push(task);
  }
  if (count > 0) {
    deployment.updatedAt = ctx.now();
    addServiceEvent(service, ctx, `has started ${count} tasks: ${taskList(started.map((t) => t.id))}.`);
  }
  return started;
}

/**
 * Creates tasks that are already RUNNING, without events: the baseline of a new simulator.
 *
 * @example
 * seedRunningTasks(service, primary, 2, ctx);
 */
export function seedRunningTasks(service: SimService, deployment: SimDeployment, count: number, ctx: SimContext): void {
  const saved = deployment.updatedAt;
  const events = service.events.length;
  for (const task of launchTasks(service, deployment, count, ctx)) {
    task.lastStatus = 'RUNNING';
    task.startedAt = task.createdAt;
  }
  service.events.length = events;
  deployment.updatedAt = saved;
}

/**
 * Stops tasks: moves them to the service's capped stopped list with the given reason.
 *
 * @example
 * stopTasks(service, [task], { stopCode: 'EssentialContainerExited', stoppedReason: 'Essential container in task exited', exitCode: 137 }, ctx);
 */
export function stopTasks(service: SimService, tasks: readonly SimTask[], spec: StopSpec, ctx: SimContext): void {
  if (tasks.length === 0) return;
  const now = ctx.now();
  const stopping = new Set(tasks);
  service.tasks = service.tasks.filter((t) => !stopping.has(t));
  for (const task of tasks) {
    task.lastStatus = 'STOPPED';
    task.stoppingAt = now;
    task.stoppedAt = now;
    task.stopCode = spec.stopCode;
    task.stoppedReason = spec.stoppedReason;
    // A task that never started has no exit code; a scheduler stop of a running one exits 0.
    const exitCode = spec.exitCode ?? (task.startedAt === undefined ? undefined : 0);
    if (exitCode !== undefined) task.container.exitCode = exitCode;
    if (spec.reason !== undefined) task.container.reason = spec.reason;
    service.stopped.push(task);
    const dep = service.deployments.find((d) => d.id === task.deploymentId);
    if (dep) dep.updatedAt = now;
  }
  while (service.stopped.length > ctx.maxStoppedTasks) {
    const evicted = service.stopped.shift();
    if (evicted) ctx.taskIndex.delete(evicted.arn);
  }
}

/**
 * Tasks of one deployment, optionally of one status.
 *
 * @example
 * tasksOf(service, primary.id, 'RUNNING').length; // the deployment's runningCount
 */
export function tasksOf(service: SimService, deploymentId: string, status?: SimTask['lastStatus']): SimTask[] {
  return service.tasks.filter((t) => t.deploymentId === deploymentId && (status === undefined || t.lastStatus === status));
}

/** The stop ECS records when the scheduler scales or replaces a task. */
export function schedulerStop(deployment: SimDeployment): StopSpec {
  return {
    stopCode: 'ServiceSchedulerInitiated',
    stoppedReason: `Scaling activity initiated by (deployment ${deployment.id})`,
  };
}
