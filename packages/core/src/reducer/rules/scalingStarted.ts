import type { ScalingStarted } from '../../model/events.js';
import { serviceEventBase } from '../makeEvent.js';
import { eventId } from '../serviceState.js';
import type { ServiceTrack } from '../state.js';
import { trackExtras, unchanged } from './ServiceRule.js';
import type { RuleResult, ServiceStep } from './ServiceRule.js';

/**
 * ScalingStarted: same PRIMARY (or none), `desiredCount` changed. A steady or recovering service
 * enters `scaling`; a scale during a rollout is reported, but the rollout's completion covers both.
 *
 * @example
 * const { track: next, events } = scalingStarted(step, track);
 */
export function scalingStarted(step: ServiceStep, track: ServiceTrack): RuleResult {
  const { view, ctx } = step;
  if (!view || step.change.kind !== 'same' || view.desiredCount === track.desiredCount) return unchanged(track);
  const suffix = `/${view.desiredCount}@${ctx.observedAt}`;
  const id = eventId(ctx, view.name, view.primary?.id ?? '', 'ScalingStarted', suffix);
  const event: ScalingStarted = {
    type: 'ScalingStarted',
    previousDesiredCount: track.desiredCount,
    ...serviceEventBase(ctx, id, view, view.primary, trackExtras(track, undefined)),
  };
  const settles = track.phase === 'steady' || track.phase === 'recovering';
  return { track: settles ? { ...track, phase: 'scaling', phaseSince: ctx.observedAt } : track, events: [event] };
}
