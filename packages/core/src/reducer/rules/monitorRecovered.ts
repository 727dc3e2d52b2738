import type { MonitorConfig } from '../../model/config.js';
import type { MonitorRecovered } from '../../model/events.js';
import { secondsBetween } from '../serviceState.js';
import type { ClusterState } from '../state.js';
import type { ClusterSweep } from './ClusterRule.js';

/**
 * MonitorRecovered: after MonitorDegraded, the sweeps came good again. It carries the outage's
 * length (from the last good sweep before it, or its first failure when there never was one,
 * to the first good sweep of the run that ended it).
 *
 * @example
 * const { state: next, events } = monitorRecovered(state, sweep);
 */
export function monitorRecovered(state: ClusterState, sweep: ClusterSweep): { state: ClusterState; events: MonitorRecovered[] } {
  const { ctx, config, outcome } = sweep;
  if (outcome.kind !== 'snapshot') return { state, events: [] };
  const health = state.health;
  if (health.status !== 'degraded')
    return { state: { ...state, health: { status: 'healthy', lastGoodSweepAt: ctx.observedAt } }, events: [] };
  const goodSweeps = health.goodSweeps + 1;
  const goodSince = health.goodSince ?? ctx.observedAt;
  if (goodSweeps < recoveryThreshold(config)) return { state: { ...state, health: { ...health, goodSweeps, goodSince } }, events: [] };
  const outageStart = health.lastGoodSweepAt ?? health.since;
  const event: MonitorRecovered = {
    type: 'MonitorRecovered',
    id: `${ctx.cluster}/MonitorRecovered@${health.since}`,
    cluster: ctx.cluster,
    region: ctx.region,
    observedAt: ctx.observedAt,
    durationSeconds: secondsBetween(outageStart, goodSince),
  };
  return { state: { ...state, health: { status: 'healthy', lastGoodSweepAt: ctx.observedAt } }, events: [event] };
}

/** Good sweeps in a row that end an outage. */
function recoveryThreshold(_config: MonitorConfig): number {
  return 1;
}
