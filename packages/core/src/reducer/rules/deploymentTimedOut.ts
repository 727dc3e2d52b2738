import type { DeploymentTimedOut } from '../../model/events.js';
import { isOverdue } from '../isOverdue.js';
import { serviceEventBase } from '../makeEvent.js';
import { eventId, secondsBetween } from '../serviceState.js';
import { isRollout } from '../state.js';
import type { ServiceTrack } from '../state.js';
import { trackExtras, trackedPrimary, unchanged } from './ServiceRule.js';
import type { RuleResult, ServiceStep } from './ServiceRule.js';

/**
 * DeploymentTimedOut: a rollout whose outcome is still open went `secondsUntilAlert` without
 * an update (or since creation, per `timeoutFrom`); once per deployment, never for a recovering
 * service, and never in the sweep that began the phase (a repeated snapshot stays silent).
 *
 * @example
 * const { track: next, events } = deploymentTimedOut(step, track);
 */
export function deploymentTimedOut(step: ServiceStep, track: ServiceTrack): RuleResult {
  const { view, ctx, config } = step;
  const primary = view && trackedPrimary(view, track);
  if (!view || !primary || !isRollout(track) || track.rollout.stage !== 'watching' || track.rollout.timedOutSent) return unchanged(track);
  if (ctx.observedAt <= track.phaseSince || !isOverdue(ctx.observedAt, config, primary)) return unchanged(track);
  const id = eventId(ctx, view.name, primary.id, 'DeploymentTimedOut');
  const extras = { ...trackExtras(track, primary.rolloutStateReason), durationSeconds: secondsBetween(primary.createdAt, ctx.observedAt) };
  const event: DeploymentTimedOut = {
    type: 'DeploymentTimedOut',
    secondsUntilAlert: config.secondsUntilAlert,
    ...serviceEventBase(ctx, id, view, primary, extras),
  };
  return { track: { ...track, rollout: { ...track.rollout, timedOutSent: true } }, events: [event] };
}
