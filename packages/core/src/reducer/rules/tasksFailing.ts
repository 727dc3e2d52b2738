import { plainServiceEvent } from '../makeEvent.js';
import { watchedRollout } from '../state.js';
import type { ServiceTrack } from '../state.js';
import { trackExtras, trackedPrimary, unchanged } from './ServiceRule.js';
import type { RuleResult, ServiceStep } from './ServiceRule.js';

/**
 * TasksFailing: during a rollout whose outcome is still open, the deployment's `failedTasks`
 * rose; once per deployment (the early warning before the circuit breaker decides).
 *
 * @example
 * const { track: next, events } = tasksFailing(step, track);
 */
export function tasksFailing(step: ServiceStep, track: ServiceTrack): RuleResult {
  const watched = watchedRollout(track);
  const primary = step.view && trackedPrimary(step.view, track);
  if (!step.view || !primary || !watched || watched.tasksFailingSent || primary.failedTasks <= watched.failedTasks) {
    return unchanged(track);
  }
  const event = plainServiceEvent('TasksFailing', step.ctx, step.view, primary, trackExtras(track, primary.rolloutStateReason));
  return { track: { ...track, rollout: { ...watched, tasksFailingSent: true } } as ServiceTrack, events: [event] };
}
