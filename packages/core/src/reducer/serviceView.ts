import type { DeploymentSnapshot } from '../model/snapshot.js';

/**
 * A service snapshot read defensively: every field the reducer uses is present and well typed,
 * whatever the input looked like. The reducer must never throw on a malformed sweep (a recorded
 * file, a third-party source, an API change), so this is the only place that touches raw input.
 */
export interface ServiceView {
  name: string;
  arn: string;
  status: string;
  desiredCount: number;
  runningCount: number;
  pendingCount: number;
  /** Non-INACTIVE deployments. */
  active: DeploymentSnapshot[];
  /** Every deployment, INACTIVE included (a failed deployment may linger). */
  deployments: DeploymentSnapshot[];
  /** The PRIMARY deployment; absent for CODE_DEPLOY/EXTERNAL services (no `deployments`). */
  primary?: DeploymentSnapshot;
  /** DESIGN §4: one non-INACTIVE deployment, the PRIMARY, all its tasks running, rollout done. */
  stable: boolean;
}

const ROLLBACK_REASON = /roll(?:ing|ed)?[\s-]*back/i;

/** True when ECS says this deployment is a rollback ("… circuit breaker: rolling back to …"). */
export function isRollbackReason(reason: string | undefined): boolean {
  return reason !== undefined && ROLLBACK_REASON.test(reason);
}

/**
 * Reads one service entry of a snapshot; `undefined` when it has no usable name.
 *
 * @example
 * const view = readService(snapshot.services[0]);
 */
export function readService(raw: unknown): ServiceView | undefined {
  if (!isObject(raw)) return undefined;
  const name = str(raw['name']);
  if (name === '') return undefined;
  const deployments = Array.isArray(raw['deployments']) ? raw['deployments'].flatMap(readDeployment) : [];
  const active = deployments.filter((d) => d.status !== 'INACTIVE');
  const primary = pickPrimary(active);
  const view: ServiceView = {
    name,
    arn: str(raw['arn']),
    status: str(raw['status']),
    desiredCount: num(raw['desiredCount']),
    runningCount: num(raw['runningCount']),
    pendingCount: num(raw['pendingCount']),
    active,
    deployments,
    stable: false,
  };
  if (primary) view.primary = primary;
  // Without any deployment (CODE_DEPLOY/EXTERNAL) the service-level counts are all there is;
  // live deployments without a PRIMARY are a rollout in an unknown state, never stable.
  view.stable = primary ? isStableDeployment(active, primary) : active.length === 0 && view.runningCount === view.desiredCount;
  return view;
}

function isStableDeployment(active: DeploymentSnapshot[], primary: DeploymentSnapshot): boolean {
  const rollout = primary.rolloutState;
  return active.length === 1 && primary.runningCount === primary.desiredCount && (rollout === undefined || rollout === 'COMPLETED');
}

/** Several PRIMARY entries never happen in ECS; if they do, the newest wins, deterministically. */
function pickPrimary(active: DeploymentSnapshot[]): DeploymentSnapshot | undefined {
  let best: DeploymentSnapshot | undefined;
  for (const d of active) {
    if (d.status !== 'PRIMARY' || d.id === '') continue;
    if (!best || d.createdAt > best.createdAt) best = d;
  }
  return best;
}

function readDeployment(raw: unknown): DeploymentSnapshot[] {
  if (!isObject(raw)) return [];
  const createdAt = num(raw['createdAt']);
  const deployment: DeploymentSnapshot = {
    id: str(raw['id']),
    status: str(raw['status']),
    taskDefinition: str(raw['taskDefinition']),
    desiredCount: num(raw['desiredCount']),
    runningCount: num(raw['runningCount']),
    pendingCount: num(raw['pendingCount']),
    failedTasks: num(raw['failedTasks']),
    createdAt,
    updatedAt: raw['updatedAt'] === undefined ? createdAt : num(raw['updatedAt']),
  };
  const rollout = raw['rolloutState'];
  if (typeof rollout === 'string') deployment.rolloutState = rollout;
  const reason = raw['rolloutStateReason'];
  if (typeof reason === 'string') deployment.rolloutStateReason = reason;
  return [deployment];
}

/** Reads the names of a snapshot's `missing` list, dropping anything that is not a name. */
export function readMissing(raw: unknown): string[] {
  return Array.isArray(raw) ? raw.filter((n): n is string => typeof n === 'string' && n !== '') : [];
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** A finite number, or 0. */
export function num(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : 0;
}

export function str(value: unknown): string {
  return typeof value === 'string' ? value : '';
}
