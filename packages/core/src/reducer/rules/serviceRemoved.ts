import type { ServiceRemoved } from '../../model/events.js';
import { consoleUrl } from '../../model/config.js';
import { eventId } from '../serviceState.js';
import type { ServiceTrack } from '../state.js';
import { unchanged } from './ServiceRule.js';
import type { RuleResult, ServiceStep } from './ServiceRule.js';

/**
 * ServiceRemoved: a tracked service is DRAINING/INACTIVE, MISSING, or left a complete listing
 * (`reason` says which). The caller drops its track after the rules.
 *
 * @example
 * const { events } = serviceRemoved(step, track); // [ServiceRemoved] or []
 */
export function serviceRemoved(step: ServiceStep, track: ServiceTrack): RuleResult {
  const { ctx, name, change } = step;
  if (change.kind !== 'removed') return unchanged(track);
  const event: ServiceRemoved = {
    type: 'ServiceRemoved',
    // Without a deployment id only the time tells one removal of a recreated service from the next.
    id: eventId(ctx, name, track.deploymentId, 'ServiceRemoved', track.deploymentId === '' ? `@${ctx.observedAt}` : ''),
    cluster: ctx.cluster,
    region: ctx.region,
    observedAt: ctx.observedAt,
    service: name,
    reason: change.reason,
    consoleUrl: consoleUrl(ctx.region, ctx.cluster, name),
  };
  return { track, events: [event] };
}
