import type { MonitorConfig } from '../model/config.js';
import type { CompletionKind, DeploymentCompleted, DeploymentTimedOut, MonitorEvent } from '../model/events.js';
import type { DeploymentSnapshot } from '../model/snapshot.js';
import { isRollout } from './adoptService.js';
import { isOverdue } from './isOverdue.js';
import { plainServiceEvent, serviceEventBase } from './makeEvent.js';
import { eventId, secondsBetween } from './serviceState.js';
import type { SweepContext } from './serviceState.js';
import type { Phase, ServiceTrack } from './state.js';
import type { ServiceView } from './serviceView.js';

const KIND_OF: Record<Exclude<Phase, 'steady'>, CompletionKind> = {
  deploying: 'deploy',
  rollingBack: 'rollback',
  scaling: 'scale',
  recovering: 'recover',
};

/**
 * The checks that follow the tracked deployment within its phase, in DESIGN §4 table order:
 * TasksFailing, DeploymentFailed, DeploymentCompleted, DeploymentTimedOut. Updates `track`
 * (a copy owned by the caller) and appends to `events`.
 *
 * @example
 * checkPhase(ctx, config, view, track, events);
 */
export function checkPhase(ctx: SweepContext, config: MonitorConfig, view: ServiceView, track: ServiceTrack, events: MonitorEvent[]): void {
  const primary = view.primary?.id === track.deploymentId ? view.primary : undefined;
  if (primary && isRollout(track.phase) && !track.ended && !track.tasksFailingSent && primary.failedTasks > track.failedTasks) {
    events.push(plainServiceEvent('TasksFailing', ctx, view, primary, trackExtras(track, primary.rolloutStateReason)));
    track.tasksFailingSent = true;
  }
  if (primary && primary.rolloutState === 'FAILED' && !track.ended) {
    events.push(plainServiceEvent('DeploymentFailed', ctx, view, primary, trackExtras(track, primary.rolloutStateReason)));
    track.ended = true;
    track.rolloutFailed = true;
  }
  // A rollout ends only on its own deployment: a sweep that lost the deployments array says nothing about it.
  if (track.phase !== 'steady' && view.stable && (primary || !isRollout(track.phase))) complete(ctx, view, track, events);
  // Never in the sweep that began the phase: a repeated snapshot must stay silent (DESIGN §4).
  const laterSweep = ctx.observedAt > track.phaseSince;
  if (
    primary &&
    isRollout(track.phase) &&
    !track.ended &&
    !track.timedOutSent &&
    laterSweep &&
    isOverdue(ctx.observedAt, config, primary)
  ) {
    events.push(timedOut(ctx, config, view, track));
    track.timedOutSent = true;
  }
  track.failedTasks = primary?.failedTasks ?? track.failedTasks;
  track.desiredCount = view.desiredCount;
  track.runningCount = view.runningCount;
}

/** A non-steady service became stable: report how the phase ended, unless it already ended. */
function complete(ctx: SweepContext, view: ServiceView, track: ServiceTrack, events: MonitorEvent[]): void {
  const kind = KIND_OF[track.phase as Exclude<Phase, 'steady'>];
  const isDeployment = kind === 'deploy' || kind === 'rollback';
  if (!(isDeployment && track.ended)) events.push(completed(ctx, view, track, kind));
  track.phase = 'steady';
  track.phaseSince = ctx.observedAt;
  track.ended = true;
}

/**
 * The DeploymentCompleted of `track`'s phase; `primary` is the deployment it is about (default
 * the PRIMARY, or the deployment a new PRIMARY replaced after it finished unseen).
 */
export function completed(
  ctx: SweepContext,
  view: ServiceView,
  track: ServiceTrack,
  kind: CompletionKind,
  primary: DeploymentSnapshot | undefined = view.primary,
): DeploymentCompleted {
  const isDeployment = kind === 'deploy' || kind === 'rollback';
  // A deployment's duration counts from its creation, which ECS knows even when Mona adopted it
  // mid-way; a scale or recovery counts from the sweep that saw it begin.
  const from = isDeployment && primary ? primary.createdAt : track.phaseSince;
  const suffix = isDeployment ? '' : `/${kind}@${track.phaseSince}`;
  const id = eventId(ctx, view.name, primary?.id ?? '', 'DeploymentCompleted', suffix);
  const extras = { ...trackExtras(track, undefined), durationSeconds: secondsBetween(from, ctx.observedAt) };
  return { type: 'DeploymentCompleted', kind, ...serviceEventBase(ctx, id, view, primary, extras) };
}

function timedOut(ctx: SweepContext, config: MonitorConfig, view: ServiceView, track: ServiceTrack): DeploymentTimedOut {
  const primary = view.primary;
  const id = eventId(ctx, view.name, primary?.id ?? '', 'DeploymentTimedOut');
  const extras = {
    ...trackExtras(track, primary?.rolloutStateReason),
    durationSeconds: secondsBetween(primary?.createdAt ?? track.phaseSince, ctx.observedAt),
  };
  return { type: 'DeploymentTimedOut', secondsUntilAlert: config.secondsUntilAlert, ...serviceEventBase(ctx, id, view, primary, extras) };
}

/** The `previousTaskDef` and `reason` a service event of this track carries. */
export function trackExtras(track: ServiceTrack, reason: string | undefined): { previousTaskDef?: string; reason?: string } {
  const extras: { previousTaskDef?: string; reason?: string } = {};
  if (track.previousTaskDef !== undefined) extras.previousTaskDef = track.previousTaskDef;
  if (reason !== undefined) extras.reason = reason;
  return extras;
}
