import type { MonitorConfig } from '../model/config.js';
import { adoptService, readoptService, trackNewDeployment } from './adoptService.js';
import { checkPhase } from './checkPhase.js';
import { plainServiceEvent } from './makeEvent.js';
import type { SweepContext } from './serviceState.js';
import type { StepResult } from './stepService.js';
import type { ServiceView } from './serviceView.js';

/**
 * A service the reducer did not know, seen after start-up: announced with DeploymentStarted
 * (then checked like any deployment, so one created and finished between two polls also gets
 * its DeploymentCompleted). Adopted silently instead when:
 * - no complete sweep happened yet (it may only have been in a failed batch of the baseline);
 * - it has no deployments (CODE_DEPLOY/EXTERNAL: CodeDeploy or the external tool reports those);
 * - its PRIMARY is a deployment already tracked before it left the listing (a listing flap).
 *
 * @example
 * const { track, events } = appearService(ctx, config, view, state.removed['api'] ?? [], state.baselineComplete);
 */
export function appearService(
  ctx: SweepContext,
  config: MonitorConfig,
  view: ServiceView,
  seen: readonly string[],
  baselineComplete: boolean,
): StepResult {
  const primary = view.primary;
  if (!baselineComplete || !primary) return { track: adoptService(view, ctx.observedAt, seen), events: [] };
  if (seen.includes(primary.id)) return { track: readoptService(view, ctx.observedAt, seen), events: [] };
  const track = trackNewDeployment(view, primary, ctx.observedAt, 'deploying', seen);
  const events: StepResult['events'] = [plainServiceEvent('DeploymentStarted', ctx, view, primary)];
  checkPhase(ctx, config, view, track, events);
  return { track, events };
}
