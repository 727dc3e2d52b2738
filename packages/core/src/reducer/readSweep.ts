import type { DeploymentSnapshot, ServiceSnapshot, SweepOutcome } from '../model/snapshot.js';

/**
 * Reads a sweep defensively: every field the reducer uses present and well typed, whatever the
 * input looked like; `undefined` when it is not an object at all.
 *
 * @example
 * const outcome = readSweep(JSON.parse(line));
 */
export function readSweep(raw: unknown): SweepOutcome | undefined {
  if (!isObject(raw)) return undefined;
  const base = { cluster: str(raw['cluster']), region: str(raw['region']), observedAt: num(raw['observedAt']) };
  if (raw['kind'] === 'failure') {
    const error = isObject(raw['error']) ? raw['error'] : {};
    const code = str(error['code']);
    return { kind: 'failure', ...base, error: { name: str(error['name']), message: str(error['message']), ...(code ? { code } : {}) } };
  }
  const services = Array.isArray(raw['services']) ? raw['services'].flatMap(readService) : [];
  const missing = Array.isArray(raw['missing']) ? raw['missing'].filter((n): n is string => typeof n === 'string' && n !== '') : [];
  return { kind: 'snapshot', ...base, services, missing, ...(raw['partial'] === true ? { partial: true } : {}) };
}

/**
 * Reads one service entry of a snapshot; `[]` when it has no usable name.
 *
 * @example
 * const [service] = readService(raw.services[0]);
 */
export function readService(raw: unknown): ServiceSnapshot[] {
  if (!isObject(raw)) return [];
  const name = str(raw['name']);
  if (name === '') return [];
  return [
    {
      name,
      arn: str(raw['arn']),
      status: str(raw['status']),
      desiredCount: num(raw['desiredCount']),
      runningCount: num(raw['runningCount']),
      pendingCount: num(raw['pendingCount']),
      deployments: Array.isArray(raw['deployments']) ? raw['deployments'].flatMap(readDeployment) : [],
      events: [],
    },
  ];
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

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** A finite number, or 0. */
function num(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : 0;
}

function str(value: unknown): string {
  return typeof value === 'string' ? value : '';
}
