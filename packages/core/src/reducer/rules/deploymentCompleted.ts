import type { CompletionKind, DeploymentCompleted, MonitorEvent } from '../../model/events.js';
import type { DeploymentSnapshot } from '../../model/snapshot.js';
import { serviceEventBase } from '../makeEvent.js';
import { eventId, secondsBetween } from '../serviceState.js';
import type { SweepContext } from '../serviceState.js';
import type { ServiceView } from '../serviceView.js';
import { isRollout, watchedRollout } from '../state.js';
import type { Phase, ServiceTrack, SettledTrack } from '../state.js';
import { trackExtras, trackedPrimary, unchanged } from './ServiceRule.js';
import type { RuleResult, ServiceStep } from './ServiceRule.js';

const KIND_OF: Record<Exclude<Phase, 'steady'>, CompletionKind> = {
  deploying: 'deploy',
  rollingBack: 'rollback',
  scaling: 'scale',
  recovering: 'recover',
};

/**
 * DeploymentCompleted: a non-steady service became stable, with `kind` saying what ended
 * (deploy, rollback, scale, recover); the service is steady again. A rollout whose outcome was
 * already told (it failed, or was re-adopted) ends silently. Two completions may come in one
 * sweep: the deployment a new PRIMARY replaced (it finished unseen between two polls) first.
 *
 * @example
 * const { track: next, events } = deploymentCompleted(step, track);
 */
export function deploymentCompleted(step: ServiceStep, track: ServiceTrack): RuleResult {
  const { view, change, ctx } = step;
  if (!view) return unchanged(track);
  const events: MonitorEvent[] = [];
  if (change.kind === 'newDeployment' && change.replaced?.rolloutState === 'COMPLETED' && watchedRollout(change.previous)) {
    const kind = change.previous.phase === 'rollingBack' ? 'rollback' : 'deploy';
    events.push(completed(ctx, view, change.previous, kind, change.replaced));
  }
  // A rollout ends only on its own deployment: a sweep that lost the deployments array says nothing about it.
  if (track.phase === 'steady' || !view.stable || (isRollout(track) && !trackedPrimary(view, track))) return { track, events };
  if (!isRollout(track) || watchedRollout(track)) events.push(completed(ctx, view, track, KIND_OF[track.phase], view.primary));
  return { track: settle(track, ctx.observedAt), events };
}

/**
 * The DeploymentCompleted of `track`'s phase about `deployment`. A deployment's duration counts
 * from its creation, which ECS knows even when Mona adopted it mid-way; a scale or recovery
 * counts from the sweep that saw it begin.
 */
function completed(
  ctx: SweepContext,
  view: ServiceView,
  track: ServiceTrack,
  kind: CompletionKind,
  deployment: DeploymentSnapshot | undefined,
): DeploymentCompleted {
  const isDeployment = kind === 'deploy' || kind === 'rollback';
  const from = isDeployment && deployment ? deployment.createdAt : track.phaseSince;
  const suffix = isDeployment ? '' : `/${kind}@${track.phaseSince}`;
  const id = eventId(ctx, view.name, deployment?.id ?? '', 'DeploymentCompleted', suffix);
  const extras = { ...trackExtras(track, undefined), durationSeconds: secondsBetween(from, ctx.observedAt) };
  return { type: 'DeploymentCompleted', kind, ...serviceEventBase(ctx, id, view, deployment, extras) };
}

/** The steady track a finished phase leaves: what a rollout remembered ends with it. */
function settle(track: ServiceTrack, observedAt: number): SettledTrack {
  const { phaseSince: _since, phase: _phase, ...base } = track;
  const {
    rollout: _rollout,
    failedDeploymentId: _failed,
    ...kept
  } = base as typeof base & { rollout?: unknown; failedDeploymentId?: unknown };
  return { ...kept, phase: 'steady', phaseSince: observedAt };
}
