/**
 * Snapshot sequences shaped like real DescribeServices output, shared by the table tests and
 * the replay property. Each sweep is 5 s after the previous one, starting a minute after
 * BUILDER_DEFAULTS.createdAt.
 */
import type { DeploymentSnapshot, ServiceSnapshot, SweepOutcome } from '../../model/snapshot.js';
import { BUILDER_DEFAULTS, buildDeployment, buildService, buildSnapshot, taskDefinitionArn } from '../../testing/builders.js';

export const T0 = BUILDER_DEFAULTS.createdAt;
export const OLD = 'ecs-svc/1111111111111111111';
export const NEW = 'ecs-svc/2222222222222222222';
export const ROLLBACK = 'ecs-svc/3333333333333333333';
export const FIX = 'ecs-svc/4444444444444444444';
export const API_42 = taskDefinitionArn('api', 42);
export const API_43 = taskDefinitionArn('api', 43);
export const API_44 = taskDefinitionArn('api', 44);

/** `observedAt` of sweep number `n`. */
export function at(n: number): number {
  return T0 + 60_000 + n * 5_000;
}

/** The finished deployment of api:42 that every scenario starts from. */
export function oldDeployment(partial: Partial<DeploymentSnapshot> = {}): DeploymentSnapshot {
  return buildDeployment({ id: OLD, taskDefinition: API_42, ...partial });
}

/** A deployment of api:43 created at sweep 1, `running` of 2 tasks up. */
export function newDeployment(running: number, partial: Partial<DeploymentSnapshot> = {}): DeploymentSnapshot {
  return buildDeployment({
    id: NEW,
    taskDefinition: API_43,
    runningCount: running,
    createdAt: at(1) - 1_000,
    updatedAt: at(1) - 1_000,
    rolloutState: 'IN_PROGRESS',
    rolloutStateReason: `ECS deployment ${NEW} in progress.`,
    ...partial,
  });
}

/** The old deployment while it drains (status ACTIVE, `running` tasks left). */
export function draining(running: number): DeploymentSnapshot {
  return oldDeployment({ status: 'ACTIVE', desiredCount: running, runningCount: running });
}

/** One sweep of cluster prod holding the given services. */
export function sweep(n: number, ...services: ServiceSnapshot[]): SweepOutcome {
  return buildSnapshot({ observedAt: at(n), services });
}

export function api(...deployments: DeploymentSnapshot[]): ServiceSnapshot {
  return buildService({ name: 'api', deployments });
}

/** A rolling deployment of api:43: PRIMARY + ACTIVE draining, then COMPLETED. */
export function rollingDeployment(): SweepOutcome[] {
  return [
    sweep(0, api(oldDeployment())),
    sweep(1, api(newDeployment(0), draining(2))),
    sweep(2, api(newDeployment(1, { updatedAt: at(2) }), draining(1))),
    sweep(3, api(newDeployment(2, { updatedAt: at(3) }))),
    sweep(
      4,
      api(newDeployment(2, { updatedAt: at(4), rolloutState: 'COMPLETED', rolloutStateReason: `ECS deployment ${NEW} completed.` })),
    ),
  ];
}

/** api:43 fails to start; the circuit breaker rolls back to api:42 with a new deployment. */
export function circuitBreakerRollback(): SweepOutcome[] {
  const failed = newDeployment(0, {
    status: 'ACTIVE',
    failedTasks: 3,
    updatedAt: at(3),
    rolloutState: 'FAILED',
    rolloutStateReason: 'ECS deployment circuit breaker: tasks failed to start.',
  });
  const rollback = (running: number, state: string): DeploymentSnapshot =>
    buildDeployment({
      id: ROLLBACK,
      taskDefinition: API_42,
      runningCount: running,
      createdAt: at(3) - 1_000,
      updatedAt: at(3),
      rolloutState: state,
      rolloutStateReason: `ECS deployment circuit breaker: rolling back to deploymentId ${OLD}.`,
    });
  return [
    sweep(0, api(oldDeployment())),
    sweep(1, api(newDeployment(0), draining(2))),
    sweep(2, api(newDeployment(0, { failedTasks: 2, updatedAt: at(2) }), draining(2))),
    sweep(3, api(rollback(2, 'IN_PROGRESS'), failed)),
    sweep(4, api(rollback(2, 'COMPLETED'))),
  ];
}

/** The same rolling deployment from an old API version: no rolloutState anywhere. */
export function deploymentWithoutRolloutState(): SweepOutcome[] {
  const bare = (d: DeploymentSnapshot): DeploymentSnapshot => {
    const { rolloutState: _state, rolloutStateReason: _reason, ...rest } = d;
    return rest;
  };
  return [
    sweep(0, api(bare(oldDeployment()))),
    sweep(1, api(bare(newDeployment(1)), bare(draining(1)))),
    sweep(2, api(bare(newDeployment(2, { updatedAt: at(2) })))),
  ];
}

/** A CODE_DEPLOY service (no `deployments`): scaled to 3, then a task crashes and comes back. */
export function codeDeployService(): SweepOutcome[] {
  const svc = (desired: number, running: number): ServiceSnapshot =>
    buildService({ name: 'billing', deploymentController: 'CODE_DEPLOY', deployments: [], desiredCount: desired, runningCount: running });
  return [sweep(0, svc(2, 2)), sweep(1, svc(3, 2)), sweep(2, svc(3, 3)), sweep(3, svc(3, 2)), sweep(4, svc(3, 3))];
}

/** A DAEMON service: ECS raises desiredCount when an instance joins the cluster. */
export function daemonService(): SweepOutcome[] {
  const svc = (desired: number, running: number): ServiceSnapshot =>
    buildService({
      name: 'log-agent',
      schedulingStrategy: 'DAEMON',
      deployments: [
        buildDeployment({ id: OLD, taskDefinition: taskDefinitionArn('log-agent', 7), desiredCount: desired, runningCount: running }),
      ],
    });
  return [sweep(0, svc(3, 3)), sweep(1, svc(4, 3)), sweep(2, svc(4, 4))];
}
