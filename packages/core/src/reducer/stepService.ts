import type { MonitorConfig } from '../model/config.js';
import type { MonitorEvent, RollbackStarted, ScalingStarted } from '../model/events.js';
import type { DeploymentSnapshot } from '../model/snapshot.js';
import { isRollout, readoptService, trackNewDeployment } from './adoptService.js';
import { checkPhase, completed, trackExtras } from './checkPhase.js';
import { plainServiceEvent, serviceEventBase } from './makeEvent.js';
import { eventId } from './serviceState.js';
import type { SweepContext } from './serviceState.js';
import type { ServiceTrack } from './state.js';
import { isRollbackReason } from './serviceView.js';
import type { ServiceView } from './serviceView.js';

/** A service's new track and the events of this sweep, in the order they were decided. */
export interface StepResult {
  track: ServiceTrack;
  events: MonitorEvent[];
}

/**
 * Moves one known service forward by one sweep (DESIGN §4). Never mutates `previous`.
 *
 * @example
 * const { track, events } = stepService(ctx, config, state.services['api'], view);
 */
export function stepService(ctx: SweepContext, config: MonitorConfig, previous: ServiceTrack, view: ServiceView): StepResult {
  const events: MonitorEvent[] = [];
  const primary = view.primary;
  if (primary && primary.id !== previous.deploymentId) {
    if (previous.seen.includes(primary.id)) {
      return { track: readoptService(view, ctx.observedAt, previous.seen), events };
    }
    const track = switchDeployment(ctx, view, previous, primary, events);
    checkPhase(ctx, config, view, track, events);
    return { track, events };
  }
  const track: ServiceTrack = { ...previous };
  checkCounts(ctx, view, track, events);
  checkPhase(ctx, config, view, track, events);
  return { track, events };
}

/**
 * Starts tracking a new PRIMARY deployment: a rollback when the circuit breaker made it, else a
 * new deployment. The deployment it replaces gets its DeploymentFailed first if it failed.
 */
function switchDeployment(
  ctx: SweepContext,
  view: ServiceView,
  previous: ServiceTrack,
  primary: DeploymentSnapshot,
  events: MonitorEvent[],
): ServiceTrack {
  const replaced = view.deployments.find((d) => d.id === previous.deploymentId && d.id !== '');
  const replacedFailed = replaced?.rolloutState === 'FAILED';
  if (replaced && replacedFailed && !previous.ended) {
    events.push(plainServiceEvent('DeploymentFailed', ctx, view, replaced, trackExtras(previous, replaced.rolloutStateReason)));
  }
  // It finished and was replaced between two polls: its completion is news all the same.
  if (replaced?.rolloutState === 'COMPLETED' && !previous.ended && isRollout(previous.phase)) {
    events.push(completed(ctx, view, previous, previous.phase === 'rollingBack' ? 'rollback' : 'deploy', replaced));
  }
  const rollback = isRollback(previous, primary, replacedFailed);
  const track = trackNewDeployment(view, primary, ctx.observedAt, rollback ? 'rollingBack' : 'deploying', previous.seen);
  if (previous.taskDef !== '') track.previousTaskDef = previous.taskDef;
  if (rollback && previous.deploymentId !== '') track.failedDeploymentId = previous.deploymentId;
  events.push(
    rollback
      ? rollbackStarted(ctx, view, track, primary)
      : plainServiceEvent('DeploymentStarted', ctx, view, primary, trackExtras(track, undefined)),
  );
  return track;
}

/**
 * ECS's circuit breaker names its rollback deployments ("rolling back to deploymentId …").
 * Without that text, a new PRIMARY after a FAILED one is a rollback only if it goes back to the
 * task definition the failed one replaced (or that one is unknown): a fix deployed by hand after
 * a failure is a new deployment.
 */
function isRollback(previous: ServiceTrack, primary: DeploymentSnapshot, replacedFailed: boolean): boolean {
  if (isRollbackReason(primary.rolloutStateReason)) return true;
  if (!replacedFailed && !previous.rolloutFailed) return false;
  return previous.previousTaskDef === undefined || primary.taskDefinition === previous.previousTaskDef;
}

function rollbackStarted(ctx: SweepContext, view: ServiceView, track: ServiceTrack, primary: DeploymentSnapshot): RollbackStarted {
  const id = eventId(ctx, view.name, primary.id, 'RollbackStarted');
  const base = serviceEventBase(ctx, id, view, primary, trackExtras(track, primary.rolloutStateReason));
  const event: RollbackStarted = { type: 'RollbackStarted', ...base };
  if (track.failedDeploymentId !== undefined) event.failedDeploymentId = track.failedDeploymentId;
  return event;
}

/** Same PRIMARY: a changed desired count is a scale; a steady service short of tasks crashed. */
function checkCounts(ctx: SweepContext, view: ServiceView, track: ServiceTrack, events: MonitorEvent[]): void {
  const primary = view.primary;
  if (view.desiredCount !== track.desiredCount) {
    events.push(scalingStarted(ctx, view, track));
    // A scale during a rollout is reported, but the rollout's completion covers both.
    if (track.phase === 'steady' || track.phase === 'recovering') {
      track.phase = 'scaling';
      track.phaseSince = ctx.observedAt;
    }
    return;
  }
  const running = primary ? primary.runningCount : view.runningCount;
  const desired = primary ? primary.desiredCount : view.desiredCount;
  if (track.phase === 'steady' && running < desired) {
    const suffix = `@${ctx.observedAt}`;
    events.push(plainServiceEvent('TaskCrashed', ctx, view, primary, trackExtras(track, undefined), suffix));
    track.phase = 'recovering';
    track.phaseSince = ctx.observedAt;
  }
}

function scalingStarted(ctx: SweepContext, view: ServiceView, track: ServiceTrack): ScalingStarted {
  const suffix = `/${view.desiredCount}@${ctx.observedAt}`;
  const id = eventId(ctx, view.name, view.primary?.id ?? '', 'ScalingStarted', suffix);
  const base = serviceEventBase(ctx, id, view, view.primary, trackExtras(track, undefined));
  return { type: 'ScalingStarted', previousDesiredCount: track.desiredCount, ...base };
}
