import type { DeploymentSnapshot } from '../model/snapshot.js';
import { isRollbackReason } from './serviceView.js';
import type { ServiceView } from './serviceView.js';
import { watchedRollout } from './state.js';
import type { ServiceTrack } from './state.js';

/** ECS's service event for a deployment the circuit breaker failed: "(deployment ecs-svc/1) deployment failed: tasks failed to start." */
const FAILED_EVENT = /\(deployment ([^\s)]+)\) deployment failed(?::\s*(.*?))?\.?$/i;
/** ECS's service event for the rollback it starts: "(service web) rolling back to deployment ecs-svc/1." */
const ROLLBACK_EVENT = /\brolling back to deployment\b/i;

/**
 * The deployments that failed between two polls and whose failure was never told, oldest
 * first: a new PRIMARY replaced the tracked one, and between the two sweeps another deployment
 * started, failed and (usually) was rolled back. They are found in what ECS still lists (a
 * FAILED deployment beside the rollback) or, once ECS dropped them, in the service events of
 * this sweep ("(deployment X) deployment failed: …"), or, for the tracked deployment, in the
 * rollback that replaced it (the circuit breaker rolls back only a failed deployment). Those
 * ECS no longer lists carry only an id and a reason, plus the task definition of the tracked one.
 *
 * The tracked deployment itself is left to the rules when ECS still lists it (`replaced`).
 *
 * @example
 * failedBetweenPolls(view, previous, view.primary); // [{ id: 'ecs-svc/2', rolloutState: 'FAILED', … }]
 */
export function failedBetweenPolls(view: ServiceView, previous: ServiceTrack, primary: DeploymentSnapshot): DeploymentSnapshot[] {
  const listed = new Set(view.deployments.map((d) => d.id));
  const found: DeploymentSnapshot[] = [];
  const isNews = (id: string): boolean =>
    id !== '' &&
    id !== primary.id &&
    (id === previous.deploymentId ? watchedRollout(previous) !== undefined : !previous.seen.includes(id)) &&
    !found.some((d) => d.id === id);
  for (const d of view.deployments) {
    if (d.rolloutState === 'FAILED' && d.id !== previous.deploymentId && isNews(d.id)) found.push(d);
  }
  // Service events are newest first: read them oldest first so the failures come out in order.
  for (const event of [...view.events].reverse()) {
    const match = FAILED_EVENT.exec(event.message);
    const id = match?.[1];
    if (id === undefined || listed.has(id) || !isNews(id)) continue;
    found.push(
      id === previous.deploymentId
        ? sketchTracked(previous, match?.[2], event.createdAt)
        : sketch(id, match?.[2], event.createdAt, event.createdAt, ''),
    );
  }
  // The circuit breaker rolls back only a deployment that failed: when the failure's own event
  // is past the events kept per sweep, the rollback still tells it.
  const rollingBack = isRollbackReason(primary.rolloutStateReason) || saysRollingBack(view);
  if (rollingBack && !listed.has(previous.deploymentId) && isNews(previous.deploymentId)) {
    found.push(sketchTracked(previous, undefined, previous.phaseSince));
  }
  return found.sort((a, b) => a.createdAt - b.createdAt);
}

/** True when this sweep's service events say ECS started a rollback. */
export function saysRollingBack(view: ServiceView): boolean {
  return view.events.some((event) => ROLLBACK_EVENT.test(event.message));
}

/** What the track knows of the tracked deployment once ECS no longer lists it (it began no later than the track). */
function sketchTracked(previous: ServiceTrack, reason: string | undefined, failedAt: number): DeploymentSnapshot {
  return sketch(previous.deploymentId, reason, Math.min(previous.phaseSince, failedAt), failedAt, previous.taskDef);
}

/** What a service event tells of a deployment ECS no longer lists. */
function sketch(id: string, reason: string | undefined, createdAt: number, updatedAt: number, taskDefinition: string): DeploymentSnapshot {
  const deployment: DeploymentSnapshot = {
    id,
    status: 'INACTIVE',
    taskDefinition,
    desiredCount: 0,
    runningCount: 0,
    pendingCount: 0,
    failedTasks: 0,
    createdAt,
    updatedAt,
    rolloutState: 'FAILED',
  };
  if (reason !== undefined && reason !== '') deployment.rolloutStateReason = reason;
  return deployment;
}
