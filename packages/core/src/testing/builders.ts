/**
 * Builders of snapshot-model values for tests and plugin authors. Defaults are shaped like real
 * DescribeServices output (long-format ARNs, `ecs-svc/…` deployment ids, task definition ARNs),
 * so a test reads like the AWS data it stands for. Pass `undefined` for an optional field to
 * leave it out, as old API versions and CODE_DEPLOY services do.
 */
import type { ClusterSnapshot, DeploymentSnapshot, ServiceSnapshot, SweepFailure } from '../model/snapshot.js';

/** Values the builders fall back on. */
export const BUILDER_DEFAULTS = Object.freeze({
  cluster: 'prod',
  region: 'eu-west-1',
  account: '123456789012',
  service: 'api',
  deploymentId: 'ecs-svc/1234567890123456789',
  /** 2025-03-14T09:00:00Z: deployments are created here, snapshots observed a minute later. */
  createdAt: Date.UTC(2025, 2, 14, 9, 0, 0),
});

/** A partial where `undefined` means "leave this optional field out". */
type Loose<T, K extends keyof T> = Omit<Partial<T>, K> & { [P in K]?: T[P] | undefined };

export type DeploymentPartial = Loose<DeploymentSnapshot, 'rolloutState' | 'rolloutStateReason'>;
export type ServicePartial = Loose<ServiceSnapshot, 'createdAt' | 'deploymentController' | 'schedulingStrategy'>;
export type SnapshotPartial = Loose<ClusterSnapshot, 'partial'>;

/**
 * A task definition ARN, e.g. `arn:aws:ecs:eu-west-1:123456789012:task-definition/api:42`.
 *
 * @example
 * buildDeployment({ taskDefinition: taskDefinitionArn('api', 43) });
 */
export function taskDefinitionArn(family: string, revision: number, region: string = BUILDER_DEFAULTS.region): string {
  return `arn:aws:ecs:${region}:${BUILDER_DEFAULTS.account}:task-definition/${family}:${revision}`;
}

/**
 * A finished PRIMARY deployment of `api:42` with 2 of 2 tasks running (rollout COMPLETED).
 *
 * @example
 * const next = buildDeployment({ id: 'ecs-svc/2', runningCount: 0, rolloutState: 'IN_PROGRESS' });
 */
export function buildDeployment(partial: DeploymentPartial = {}): DeploymentSnapshot {
  const id = partial.id ?? BUILDER_DEFAULTS.deploymentId;
  const createdAt = partial.createdAt ?? BUILDER_DEFAULTS.createdAt;
  const base: DeploymentSnapshot = {
    id,
    status: 'PRIMARY',
    taskDefinition: taskDefinitionArn(BUILDER_DEFAULTS.service, 42),
    desiredCount: 2,
    runningCount: 2,
    pendingCount: 0,
    failedTasks: 0,
    createdAt,
    updatedAt: createdAt,
    rolloutState: 'COMPLETED',
    rolloutStateReason: `ECS deployment ${id} completed.`,
  };
  return withoutUndefined({ ...base, ...partial }) as DeploymentSnapshot;
}

/**
 * An ACTIVE REPLICA service of the ECS controller with one deployment. Counts not given are
 * derived from the deployments as ECS does: desired from the PRIMARY, running and pending
 * summed over the live deployments.
 *
 * @example
 * const rolling = buildService({ deployments: [buildDeployment({ id: 'ecs-svc/2', runningCount: 1 }), buildDeployment({ status: 'ACTIVE' })] });
 */
export function buildService(partial: ServicePartial = {}): ServiceSnapshot {
  const name = partial.name ?? BUILDER_DEFAULTS.service;
  const deployments = partial.deployments ?? [buildDeployment()];
  const live = deployments.filter((d) => d.status !== 'INACTIVE');
  const primary = deployments.find((d) => d.status === 'PRIMARY');
  const base: ServiceSnapshot = {
    name,
    arn: `arn:aws:ecs:${BUILDER_DEFAULTS.region}:${BUILDER_DEFAULTS.account}:service/${BUILDER_DEFAULTS.cluster}/${name}`,
    status: 'ACTIVE',
    createdAt: BUILDER_DEFAULTS.createdAt - 86_400_000,
    desiredCount: primary?.desiredCount ?? 0,
    runningCount: live.reduce((sum, d) => sum + d.runningCount, 0),
    pendingCount: live.reduce((sum, d) => sum + d.pendingCount, 0),
    deploymentController: 'ECS',
    schedulingStrategy: 'REPLICA',
    deployments,
    events: [],
  };
  return withoutUndefined({ ...base, ...partial, deployments }) as ServiceSnapshot;
}

/**
 * A complete snapshot of cluster `prod` in `eu-west-1`, observed a minute after the default
 * deployment was created, holding one steady `api` service.
 *
 * @example
 * const sweep = buildSnapshot({ observedAt: t0 + 5_000, services: [buildService({ name: 'web' })] });
 */
export function buildSnapshot(partial: SnapshotPartial = {}): ClusterSnapshot {
  const base: ClusterSnapshot = {
    kind: 'snapshot',
    cluster: BUILDER_DEFAULTS.cluster,
    region: BUILDER_DEFAULTS.region,
    observedAt: BUILDER_DEFAULTS.createdAt + 60_000,
    services: [buildService()],
    missing: [],
  };
  return withoutUndefined({ ...base, ...partial, kind: 'snapshot' }) as ClusterSnapshot;
}

/**
 * A failed sweep of cluster `prod`, by default a throttled ListServices.
 *
 * @example
 * const failed = buildFailure({ observedAt: t0 + 10_000 });
 */
export function buildFailure(partial: Partial<SweepFailure> = {}): SweepFailure {
  return {
    kind: 'failure',
    cluster: partial.cluster ?? BUILDER_DEFAULTS.cluster,
    region: partial.region ?? BUILDER_DEFAULTS.region,
    observedAt: partial.observedAt ?? BUILDER_DEFAULTS.createdAt + 60_000,
    error: partial.error ?? { name: 'ThrottlingException', message: 'Rate exceeded', code: 'ThrottlingException' },
  };
}

/** Drops keys whose value is `undefined`, so "leave it out" really leaves it out. */
function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
