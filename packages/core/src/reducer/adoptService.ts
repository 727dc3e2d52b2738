import type { DeploymentSnapshot } from '../model/snapshot.js';
import { remember } from './state.js';
import type { RolloutStage, RolloutTrack, ServiceTrack } from './state.js';
import { isRollbackReason } from './serviceView.js';
import type { ServiceView } from './serviceView.js';

/**
 * Adopts a service silently, as at start-up: the reducer starts remembering it without
 * announcing anything.
 *
 * - stable → `steady`;
 * - a rollout in progress (several live deployments, or a rollout state other than COMPLETED)
 *   → `deploying` (`rollingBack` when ECS says it is rolling back), so it later gets its
 *   completion, failure or timeout; one that already FAILED is old news (stage `failed`);
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
  return adopt(view, observedAt, seen, (primary) =>
    primary?.rolloutState === 'FAILED'
      ? { stage: 'failed' }
      : { stage: 'watching', failedTasks: primary?.failedTasks ?? 0, tasksFailingSent: false, timedOutSent: false },
  );
}

/**
 * Re-adopts a deployment the reducer already knew (a service back in the listing, a PRIMARY id
 * seen before): like a start-up adoption, but that deployment gets no further news.
 *
 * @example
 * const track = readoptService(view, snapshot.observedAt, previous.seen);
 */
export function readoptService(view: ServiceView, observedAt: number, seen: readonly string[]): ServiceTrack {
  return adopt(view, observedAt, seen, (primary) => (primary?.rolloutState === 'FAILED' ? { stage: 'failed' } : { stage: 'told' }));
}

/**
 * A fresh track for a deployment the reducer saw begin: nothing reported yet, and its
 * `failedTasks` counted from 0 (a new deployment starts with no failed tasks).
 *
 * @example
 * const track = trackNewDeployment(view, view.primary, snapshot.observedAt, 'deploying', previous.seen);
 */
export function trackNewDeployment(
  view: ServiceView,
  primary: DeploymentSnapshot,
  observedAt: number,
  phase: RolloutTrack['phase'],
  seen: readonly string[],
): RolloutTrack {
  return {
    phase,
    phaseSince: observedAt,
    deploymentId: primary.id,
    taskDef: primary.taskDefinition,
    desiredCount: view.desiredCount,
    runningCount: view.runningCount,
    seen: remember(seen, primary.id),
    rollout: { stage: 'watching', failedTasks: 0, tasksFailingSent: false, timedOutSent: false },
  };
}

function adopt(
  view: ServiceView,
  observedAt: number,
  seen: readonly string[],
  stageOf: (primary: DeploymentSnapshot | undefined) => RolloutStage,
): ServiceTrack {
  const primary = view.primary;
  const base = {
    phaseSince: observedAt,
    deploymentId: primary?.id ?? '',
    taskDef: primary?.taskDefinition ?? '',
    desiredCount: view.desiredCount,
    runningCount: view.runningCount,
    seen: remember(seen, primary?.id ?? ''),
  };
  if (view.stable) return { phase: 'steady', ...base };
  if (!primary || (view.active.length <= 1 && !isRolloutUnfinished(primary))) return { phase: 'recovering', ...base };
  const track: RolloutTrack = {
    phase: isRollbackReason(primary.rolloutStateReason) ? 'rollingBack' : 'deploying',
    ...base,
    rollout: stageOf(primary),
  };
  // The deployment a rollout replaces is still live beside it: its task definition tells a later
  // rollback (back to it) from a fix deployed after a failure (anything else).
  const previousTaskDef = replacedTaskDef(view, primary);
  if (previousTaskDef !== undefined) track.previousTaskDef = previousTaskDef;
  return track;
}

function isRolloutUnfinished(deployment: DeploymentSnapshot): boolean {
  return deployment.rolloutState !== undefined && deployment.rolloutState !== 'COMPLETED';
}

/** Task definition of the newest live deployment other than the PRIMARY, if it differs. */
function replacedTaskDef(view: ServiceView, primary: DeploymentSnapshot): string | undefined {
  let newest: DeploymentSnapshot | undefined;
  for (const d of view.active) {
    if (d === primary || d.taskDefinition === '' || d.taskDefinition === primary.taskDefinition) continue;
    if (!newest || d.createdAt > newest.createdAt) newest = d;
  }
  return newest?.taskDefinition;
}
