import { plainServiceEvent } from '../makeEvent.js';
import type { ServiceTrack } from '../state.js';
import { trackExtras, unchanged } from './ServiceRule.js';
import type { RuleResult, ServiceStep } from './ServiceRule.js';

/**
 * TaskCrashed: a steady service, same PRIMARY and desired count, runs fewer tasks than desired
 * (the PRIMARY's counts, or the service's without deployments). It enters `recovering`; a
 * second crash of the same deployment gets its own id (`@observedAt`).
 *
 * @example
 * const { track: next, events } = taskCrashed(step, track);
 */
export function taskCrashed(step: ServiceStep, track: ServiceTrack): RuleResult {
  const { view, ctx } = step;
  if (!view || step.change.kind !== 'same' || track.phase !== 'steady' || view.desiredCount !== track.desiredCount) {
    return unchanged(track);
  }
  const counts = view.primary ?? view;
  if (counts.runningCount >= counts.desiredCount) return unchanged(track);
  const event = plainServiceEvent('TaskCrashed', ctx, view, view.primary, trackExtras(track, undefined), `@${ctx.observedAt}`);
  return { track: { ...track, phase: 'recovering', phaseSince: ctx.observedAt }, events: [event] };
}
