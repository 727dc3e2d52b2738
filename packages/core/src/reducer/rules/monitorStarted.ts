import type { MonitorStarted } from '../../model/events.js';
import { isGone } from '../../model/snapshot.js';
import type { ClusterState } from '../state.js';
import type { ClusterSweep } from './ClusterRule.js';

/**
 * MonitorStarted: the first successful sweep of a cluster. It names the live services, which
 * the reducer adopts silently (start-up is a baseline, not news).
 *
 * @example
 * const { state: next, events } = monitorStarted(state, sweep); // [MonitorStarted] once
 */
export function monitorStarted(state: ClusterState, sweep: ClusterSweep): { state: ClusterState; events: MonitorStarted[] } {
  const { ctx, outcome, views } = sweep;
  if (state.started || outcome.kind !== 'snapshot') return { state, events: [] };
  const event: MonitorStarted = {
    type: 'MonitorStarted',
    id: `${ctx.cluster}/MonitorStarted@${ctx.observedAt}`,
    cluster: ctx.cluster,
    region: ctx.region,
    observedAt: ctx.observedAt,
    serviceNames: [...views.values()].filter((view) => !isGone(view.status)).map((view) => view.name),
  };
  return { state: { ...state, started: true }, events: [event] };
}
