import { plainServiceEvent } from '../makeEvent.js';
import { trackExtras, unchanged } from './ServiceRule.js';
import type { RuleResult, ServiceStep } from './ServiceRule.js';
import type { ServiceTrack } from '../state.js';

/**
 * DeploymentStarted: the PRIMARY changed to a deployment never tracked and it is not a
 * rollback, or a service appeared after start-up with one.
 *
 * @example
 * const { events } = deploymentStarted(step, track); // [DeploymentStarted] or []
 */
export function deploymentStarted(step: ServiceStep, track: ServiceTrack): RuleResult {
  const { view, change } = step;
  if (!view?.primary || (change.kind !== 'newDeployment' && change.kind !== 'appeared') || track.phase !== 'deploying') {
    return unchanged(track);
  }
  return { track, events: [plainServiceEvent('DeploymentStarted', step.ctx, view, view.primary, trackExtras(track, undefined))] };
}
