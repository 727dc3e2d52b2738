import type { MonitorEvent } from '../../model/events.js';
import { plainServiceEvent } from '../makeEvent.js';
import { isRollout, watchedRollout } from '../state.js';
import type { ServiceTrack } from '../state.js';
import { trackExtras, trackedPrimary, unchanged } from './ServiceRule.js';
import type { RuleResult, ServiceStep } from './ServiceRule.js';

/**
 * DeploymentFailed: the tracked deployment's `rolloutState` became FAILED; once per deployment.
 * Several deployments may fail in one sweep, oldest first: the ones that started and failed
 * between two polls (`failedUnseen`: ECS still lists them, or its service events tell), the one a
 * new PRIMARY replaced (its failure went unseen between two polls), then the new PRIMARY itself.
 *
 * @example
 * const { track: next, events } = deploymentFailed(step, track);
 */
export function deploymentFailed(step: ServiceStep, track: ServiceTrack): RuleResult {
  const { view, change, ctx } = step;
  if (!view) return unchanged(track);
  const events: MonitorEvent[] = [];
  if (change.kind === 'newDeployment') {
    for (const failed of change.failedUnseen) {
      // One the reducer never tracked replaced what the tracked deployment ran.
      const { previous } = change;
      const extras =
        failed.id === previous.deploymentId
          ? trackExtras(previous, undefined)
          : trackExtras({ ...previous, previousTaskDef: previous.taskDef }, undefined);
      if (failed.rolloutStateReason !== undefined) extras.reason = failed.rolloutStateReason;
      events.push(plainServiceEvent('DeploymentFailed', ctx, view, failed, extras));
    }
  }
  if (change.kind === 'newDeployment' && change.replaced?.rolloutState === 'FAILED' && watchedRollout(change.previous)) {
    const { replaced, previous } = change;
    events.push(plainServiceEvent('DeploymentFailed', ctx, view, replaced, trackExtras(previous, replaced.rolloutStateReason)));
  }
  const primary = trackedPrimary(view, track);
  if (primary?.rolloutState === 'FAILED' && isRollout(track) && watchedRollout(track)) {
    events.push(plainServiceEvent('DeploymentFailed', ctx, view, primary, trackExtras(track, primary.rolloutStateReason)));
    return { track: { ...track, rollout: { stage: 'failed' } }, events };
  }
  return { track, events };
}
