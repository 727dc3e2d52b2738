import type { MonitorEvent } from '../model/events.js';
import type { DeploymentSnapshot } from '../model/snapshot.js';
import { adoptService, readoptService, trackNewDeployment } from './adoptService.js';
import { SERVICE_RULES } from './rules/index.js';
import type { Change, ServiceStep } from './rules/index.js';
import { failedBetweenPolls, saysRollingBack } from './failedBetweenPolls.js';
import { isRollout, remember } from './state.js';
import type { RolloutTrack, ServiceTrack } from './state.js';
import { isRollbackReason } from './serviceView.js';
import type { ServiceView } from './serviceView.js';

/** A service's new track (`undefined`: removed) and its events of this sweep, in table order. */
export interface StepResult {
  track: ServiceTrack | undefined;
  events: MonitorEvent[];
}

/** What `stepService` needs besides the step: where the service's memory is. */
export interface StepInput extends Omit<ServiceStep, 'change' | 'view'> {
  view: ServiceView | undefined;
  previous: ServiceTrack | undefined;
  /** Deployment ids remembered from before the service was removed (a listing flap). */
  removedSeen: readonly string[];
  /** A complete sweep happened: a service seen for the first time now is news. */
  baselineComplete: boolean;
  /** Why the service left this sweep, when it did (`DRAINING`, `MISSING`, `UNLISTED`, …). */
  removedBecause: string | undefined;
}

/**
 * Moves one service forward by one sweep (DESIGN §4): decides how it changed (the phase
 * transition), then runs the table's service rules in order on that. Silent adoptions (a
 * service first seen in an incomplete baseline, a deployment seen before) run no rule.
 *
 * @example
 * const { track, events } = stepService({ ctx, config, name: 'api', view, previous, removedSeen: [], baselineComplete: true, removedBecause: undefined });
 */
export function stepService(input: StepInput): StepResult {
  const { ctx, view, previous } = input;
  if (input.removedBecause !== undefined && previous) {
    // Its view (a DRAINING service's last answer) is no news any more: only the removal rule sees the step.
    return { ...runRules(input, undefined, { kind: 'removed', previous, reason: input.removedBecause }, previous), track: undefined };
  }
  if (!view) return { track: previous, events: [] };
  const primary = view.primary;
  if (!previous) {
    if (!input.baselineComplete || !primary) return silent(adoptService(view, ctx.observedAt, input.removedSeen));
    if (input.removedSeen.includes(primary.id)) return silent(readoptService(view, ctx.observedAt, input.removedSeen));
    return runRules(input, view, { kind: 'appeared' }, trackNewDeployment(view, primary, ctx.observedAt, 'deploying', input.removedSeen));
  }
  if (!primary || primary.id === previous.deploymentId) return runRules(input, view, { kind: 'same', previous }, previous);
  if (previous.seen.includes(primary.id)) return silent(readoptService(view, ctx.observedAt, previous.seen));
  const replaced = view.deployments.find((d) => d.id === previous.deploymentId && d.id !== '');
  const failedUnseen = failedBetweenPolls(view, previous, primary);
  const change: Change = replaced
    ? { kind: 'newDeployment', previous, replaced, failedUnseen }
    : { kind: 'newDeployment', previous, failedUnseen };
  return runRules(input, view, change, startDeployment(view, previous, primary, replaced, failedUnseen, ctx.observedAt));
}

function silent(track: ServiceTrack): StepResult {
  return { track, events: [] };
}

/** Runs the service rules in table order, then notes this sweep's counts for the next one. */
function runRules(input: StepInput, view: ServiceView | undefined, change: Change, start: ServiceTrack): StepResult {
  // Two literals rather than `{ ...base, view }`: adding to a spread copy is V8's slow path, once per service per sweep.
  const { ctx, config, name } = input;
  const step: ServiceStep = view ? { ctx, config, name, change, view } : { ctx, config, name, change };
  let track = start;
  const events: MonitorEvent[] = [];
  for (const rule of SERVICE_RULES) {
    const result = rule(step, track);
    track = result.track;
    events.push(...result.events);
  }
  return { track: view ? observed(track, view) : track, events };
}

/** The counts (and failed tasks of a watched rollout) the next sweep compares against. */
function observed(track: ServiceTrack, view: ServiceView): ServiceTrack {
  const counts = { desiredCount: view.desiredCount, runningCount: view.runningCount };
  const same = track.desiredCount === counts.desiredCount && track.runningCount === counts.runningCount;
  if (!isRollout(track) || track.rollout.stage !== 'watching') return same ? track : { ...track, ...counts };
  const failedTasks = view.primary?.id === track.deploymentId ? view.primary.failedTasks : track.rollout.failedTasks;
  // Nothing new: the same track, so the sweep need not copy the cluster's state for it.
  if (same && failedTasks === track.rollout.failedTasks) return track;
  return { ...track, ...counts, rollout: { ...track.rollout, failedTasks } };
}

/**
 * The track of a new PRIMARY: a rollback when the circuit breaker made it, else a new deployment.
 * It remembers the task definition it replaced (to tell a later rollback from a fix): the failed
 * deployment's, for a rollback of one that failed between two polls (never the task definition
 * it goes back to: "from web:1 to web:1" says nothing), and the failed ones are remembered as seen.
 */
function startDeployment(
  view: ServiceView,
  previous: ServiceTrack,
  primary: DeploymentSnapshot,
  replaced: DeploymentSnapshot | undefined,
  failedUnseen: readonly DeploymentSnapshot[],
  observedAt: number,
): RolloutTrack {
  const unseen = failedUnseen.at(-1);
  const rollback = isRollback(view, previous, primary, replaced?.rolloutState === 'FAILED', unseen);
  const seen = failedUnseen.reduce((ids, d) => remember(ids, d.id), previous.seen);
  const track = trackNewDeployment(view, primary, observedAt, rollback ? 'rollingBack' : 'deploying', seen);
  const from = unseen ? unseen.taskDefinition : previous.taskDef;
  if (from !== '' && !(rollback && from === primary.taskDefinition)) track.previousTaskDef = from;
  const failedId = unseen ? unseen.id : previous.deploymentId;
  if (rollback && failedId !== '') track.failedDeploymentId = failedId;
  return track;
}

/**
 * ECS's circuit breaker names its rollback deployments ("rolling back to deploymentId …") and
 * logs "rolling back to deployment …". Without either, a new PRIMARY after a FAILED one is a
 * rollback only if it goes back to the task definition the failed one replaced (or that one is
 * unknown): a fix deployed by hand after a failure is a new deployment.
 */
function isRollback(
  view: ServiceView,
  previous: ServiceTrack,
  primary: DeploymentSnapshot,
  replacedFailed: boolean,
  unseen: DeploymentSnapshot | undefined,
): boolean {
  if (isRollbackReason(primary.rolloutStateReason) || saysRollingBack(view)) return true;
  const previousFailed = isRollout(previous) && previous.rollout.stage === 'failed';
  if (!replacedFailed && !previousFailed && !unseen) return false;
  // A deployment failed between the polls: going back to what ran before it is its rollback.
  if (unseen && unseen.id !== previous.deploymentId) return primary.taskDefinition === previous.taskDef;
  return previous.previousTaskDef === undefined || primary.taskDefinition === previous.previousTaskDef;
}
