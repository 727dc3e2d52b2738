import type { DeploymentSnapshot } from '../model/snapshot.js';
import { remember } from './state.js';
import type { Phase, ServiceTrack } from './state.js';
import { isRollbackReason } from './serviceView.js';
import type { ServiceView } from './serviceView.js';

/**
 * Adopts a service silently, as at start-up: the reducer starts remembering it without
 * announcing anything.
 *
 * - stable → `steady`;
 * - a rollout in progress (several live deployments, or a rollout state other than COMPLETED)
 *   → `deploying` (`rollingBack` when ECS says it is rolling back), so it later gets its
 *   completion, failure or timeout;
 * - otherwise (one finished deployment, or none, short of tasks) → `recovering`: never
 *   `steady`, which would turn the next sweep into a false TaskCrashed.
 *
 * A rollout already overdue when adopted gets its DeploymentTimedOut with the next sweep, not
 * in the baseline: a stall that began before a restart is still reported (DESIGN §4), and the
 * same snapshot applied twice stays silent.
 *
 * @example
 * const track = adoptService(view, snapshot.observedAt, []);
 */
export function adoptService(view: ServiceView, observedAt: number, seen: readonly string[]): ServiceTrack {
  const primary = view.primary;
  const phase = adoptedPhase(view, primary);
  const track: ServiceTrack = {
    phase,
    phaseSince: observedAt,
    deploymentId: primary?.id ?? '',
    taskDef: primary?.taskDefinition ?? '',
    desiredCount: view.desiredCount,
    runningCount: view.runningCount,
    failedTasks: primary?.failedTasks ?? 0,
    rolloutFailed: primary?.rolloutState === 'FAILED',
    // A deployment that failed before Mona started is old news; so is a finished one.
    ended: !isRollout(phase) || primary?.rolloutState === 'FAILED',
    tasksFailingSent: false,
    // Even when already overdue: the timeout comes with the next sweep (see checkPhase), so a
    // stall that began before a restart is still reported, and the baseline stays silent.
    timedOutSent: false,
    seen: remember(seen, primary?.id ?? ''),
  };
  // The deployment a rollout replaces is still live beside it: its task definition tells a later
  // rollback (back to it) from a fix deployed after a failure (anything else).
  const previousTaskDef = isRollout(phase) ? replacedTaskDef(view, primary) : undefined;
  if (previousTaskDef !== undefined) track.previousTaskDef = previousTaskDef;
  return track;
}

/** Task definition of the newest live deployment other than the PRIMARY, if it differs. */
function replacedTaskDef(view: ServiceView, primary: DeploymentSnapshot | undefined): string | undefined {
  let newest: DeploymentSnapshot | undefined;
  for (const d of view.active) {
    if (d === primary || d.taskDefinition === '' || d.taskDefinition === primary?.taskDefinition) continue;
    if (!newest || d.createdAt > newest.createdAt) newest = d;
  }
  return newest?.taskDefinition;
}

/**
 * Re-adopts a deployment the reducer already knew (a service back in the listing, a PRIMARY id
 * seen before): like a start-up adoption, but that deployment gets no further terminal event.
 */
export function readoptService(view: ServiceView, observedAt: number, seen: readonly string[]): ServiceTrack {
  return { ...adoptService(view, observedAt, seen), ended: true, tasksFailingSent: true, timedOutSent: true };
}

/**
 * A fresh track for a deployment the reducer saw begin: nothing reported yet, and its
 * `failedTasks` counted from 0 (a new deployment starts with no failed tasks).
 */
export function trackNewDeployment(
  view: ServiceView,
  primary: DeploymentSnapshot,
  observedAt: number,
  phase: 'deploying' | 'rollingBack',
  seen: readonly string[],
): ServiceTrack {
  return {
    phase,
    phaseSince: observedAt,
    deploymentId: primary.id,
    taskDef: primary.taskDefinition,
    desiredCount: view.desiredCount,
    runningCount: view.runningCount,
    failedTasks: 0,
    rolloutFailed: false,
    ended: false,
    tasksFailingSent: false,
    timedOutSent: false,
    seen: remember(seen, primary.id),
  };
}

function adoptedPhase(view: ServiceView, primary: DeploymentSnapshot | undefined): Phase {
  if (view.stable) return 'steady';
  if (primary && (view.active.length > 1 || isRolloutUnfinished(primary))) {
    return isRollbackReason(primary.rolloutStateReason) ? 'rollingBack' : 'deploying';
  }
  return 'recovering';
}

function isRolloutUnfinished(deployment: DeploymentSnapshot): boolean {
  return deployment.rolloutState !== undefined && deployment.rolloutState !== 'COMPLETED';
}

/** Phases in which a deployment is rolling out (the ones that can fail or time out). */
export function isRollout(phase: Phase): boolean {
  return phase === 'deploying' || phase === 'rollingBack';
}
