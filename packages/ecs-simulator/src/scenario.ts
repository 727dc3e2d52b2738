import { SimulatorError } from './errors.js';
import { stopTasks } from './tasks.js';
import type { Fleet } from './Fleet.js';
import type { SimDeployment, SimService, SimTaskDefinition } from './model.js';

/** What to deploy: a registered task definition, or a new revision with this image. */
export interface DeployOptions {
  /** `family:revision`, `family` (latest) or an ARN; must be registered (created services register theirs). */
  taskDefinition?: string;
  /** Registers a new revision of the service's family with this image. */
  image?: string;
}

/** How crashed tasks stop. Defaults: exit 137 and `OutOfMemoryError: Container killed due to memory usage`. */
export interface CrashOptions {
  /** Wait this long before replacement tasks are launched (ECS takes a while); default 0. */
  restartAfterMs?: number;
  exitCode?: number;
  reason?: string;
  stoppedReason?: string;
}

/** A circuit-breaker failure. `rollback` defaults to true; the rest describes each failed task. */
export interface FailOptions extends DeployOptions {
  rollback?: boolean;
  stopCode?: string;
  stoppedReason?: string;
  exitCode?: number;
  reason?: string;
}

const OOM = 'OutOfMemoryError: Container killed due to memory usage';

function requireActive(service: SimService): SimDeployment {
  const primary = service.deployments[0];
  if (service.status !== 'ACTIVE' || !primary) {
    throw new SimulatorError('SIM_SERVICE_INACTIVE', `service ${service.name} is ${service.status}`);
  }
  return primary;
}

function targetDefinition(fleet: Fleet, primary: SimDeployment, options: DeployOptions): SimTaskDefinition {
  if (options.taskDefinition !== undefined) {
    const td = fleet.findTaskDefinition(options.taskDefinition);
    if (!td) throw new SimulatorError('SIM_TASK_DEFINITION_NOT_FOUND', `unknown task definition ${options.taskDefinition}`);
    return td;
  }
  const current = primary.taskDefinition;
  // Without an image this is a "force new deployment": same image, new revision.
  return fleet.registerTaskDefinition(current.family, { image: options.image ?? current.image, cpu: current.cpu, memory: current.memory });
}

function deploy(fleet: Fleet, service: SimService, options: DeployOptions): string {
  const primary = requireActive(service);
  const td = targetDefinition(fleet, primary, options);
  const next = fleet.newDeployment(td, primary.taskDefinition, service.desiredCount);
  primary.status = 'ACTIVE';
  service.deployments.unshift(next);
  return next.id;
}

function inProgressOrNew(fleet: Fleet, service: SimService, options: DeployOptions): SimDeployment {
  const primary = requireActive(service);
  if (
    primary.rolloutState === 'IN_PROGRESS' &&
    primary.mode === 'normal' &&
    options.image === undefined &&
    options.taskDefinition === undefined
  ) {
    return primary;
  }
  deploy(fleet, service, options);
  return requireActive(service);
}

/**
 * The scenario operations behind the `Simulator` methods. Each changes the model at once; the
 * rollout steps do the rest.
 *
 * @example
 * applyScenario.scale(service, 4);
 */
export const applyScenario = {
  deploy,

  scale(service: SimService, desiredCount: number): void {
    const primary = requireActive(service);
    if (!Number.isInteger(desiredCount) || desiredCount < 0) {
      throw new SimulatorError('SIM_BAD_ARGUMENT', `desired count must be a non-negative integer, got ${desiredCount}`);
    }
    service.desiredCount = desiredCount;
    primary.desiredCount = desiredCount;
  },

  crash(fleet: Fleet, service: SimService, count: number, options: CrashOptions): void {
    const primary = requireActive(service);
    const running = service.tasks.filter((t) => t.lastStatus === 'RUNNING');
    // Prefer the PRIMARY's tasks: those are the ones a crash alert is about.
    running.sort((a, b) => Number(b.deploymentId === primary.id) - Number(a.deploymentId === primary.id));
    const exitCode = options.exitCode ?? 137;
    const reason = options.reason ?? (exitCode === 137 ? OOM : undefined);
    stopTasks(
      service,
      running.slice(0, Math.max(0, count)),
      {
        stopCode: 'EssentialContainerExited',
        stoppedReason: options.stoppedReason ?? 'Essential container in task exited',
        exitCode,
        ...(reason !== undefined ? { reason } : {}),
      },
      fleet.ctx,
    );
    if (options.restartAfterMs !== undefined && options.restartAfterMs > 0) service.holdUntil = fleet.ctx.now() + options.restartAfterMs;
  },

  stall(fleet: Fleet, service: SimService, options: DeployOptions): string {
    const target = inProgressOrNew(fleet, service, options);
    target.mode = 'stall';
    return target.id;
  },

  fail(fleet: Fleet, service: SimService, options: FailOptions): string {
    const target = inProgressOrNew(fleet, service, options);
    target.mode = 'fail';
    target.rollback = options.rollback ?? true;
    target.failure = {
      stopCode: options.stopCode ?? 'TaskFailedToStart',
      stoppedReason:
        options.stoppedReason ??
        `CannotPullContainerError: pull image manifest has been retried 5 time(s): ${target.taskDefinition.image}: not found`,
      ...(options.exitCode !== undefined ? { exitCode: options.exitCode } : {}),
      ...(options.reason !== undefined ? { reason: options.reason } : {}),
    };
    return target.id;
  },

  remove(service: SimService): void {
    requireActive(service);
    service.status = 'DRAINING';
    service.desiredCount = 0;
    for (const d of service.deployments) d.desiredCount = 0;
  },
};
