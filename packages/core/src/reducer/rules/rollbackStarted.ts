import type { RollbackStarted } from '../../model/events.js';
import { serviceEventBase } from '../makeEvent.js';
import { eventId } from '../serviceState.js';
import { isRollbackReason } from '../serviceView.js';
import type { ServiceTrack } from '../state.js';
import { trackExtras, unchanged } from './ServiceRule.js';
import type { RuleResult, ServiceStep } from './ServiceRule.js';

/**
 * RollbackStarted: the new PRIMARY was created by the circuit breaker (its reason says
 * "rolling back", or the deployment it replaced FAILED and it goes back to the task definition
 * before that one). The decision is made once, when the new deployment is tracked (`startDeployment`).
 *
 * @example
 * const { events } = rollbackStarted(step, track); // [RollbackStarted] or []
 */
export function rollbackStarted(step: ServiceStep, track: ServiceTrack): RuleResult {
  const { view, ctx } = step;
  const primary = view?.primary;
  if (!view || !primary || step.change.kind !== 'newDeployment' || track.phase !== 'rollingBack') return unchanged(track);
  const id = eventId(ctx, view.name, primary.id, 'RollbackStarted');
  const event: RollbackStarted = {
    type: 'RollbackStarted',
    // Seen only once it finished, its reason says "… completed.": no word on the rollback.
    ...serviceEventBase(
      ctx,
      id,
      view,
      primary,
      trackExtras(track, isRollbackReason(primary.rolloutStateReason) ? primary.rolloutStateReason : undefined),
    ),
  };
  if (track.failedDeploymentId !== undefined) event.failedDeploymentId = track.failedDeploymentId;
  return { track, events: [event] };
}
