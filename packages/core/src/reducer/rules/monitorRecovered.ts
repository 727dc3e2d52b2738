import type { MonitorConfig } from '../../model/config.js';
import type { MonitorRecovered } from '../../model/events.js';
import { secondsBetween } from '../serviceState.js';
import type { ClusterState } from '../state.js';
import type { ClusterSweep } from './ClusterRule.js';

/** The most a relapse-doubled recovery run can grow to, as a multiple of `recoveredAfterSweeps`. */
const MAX_STRETCH = 4;

/**
 * MonitorRecovered: after MonitorDegraded, the sweeps came good again for a run of
 * `recoveredAfterSweeps` in a row (absent: 1), doubled by each relapse up to 4×, so a cluster
 * that flaps is one degraded/recovered pair, not a stream. It carries the outage's length (from
 * the last good sweep before it, or its first failure when there never was one, to the first
 * good sweep of the run that ended it), its failed sweeps and its relapses.
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
  if (goodSweeps < recoveryRun(config, health.relapses))
    return { state: { ...state, health: { ...health, goodSweeps, goodSince } }, events: [] };
  const outageStart = health.lastGoodSweepAt ?? health.since;
  const event: MonitorRecovered = {
    type: 'MonitorRecovered',
    id: `${ctx.cluster}/MonitorRecovered@${health.since}`,
    cluster: ctx.cluster,
    region: ctx.region,
    observedAt: ctx.observedAt,
    durationSeconds: secondsBetween(outageStart, goodSince),
    failedSweeps: health.failedSweeps,
    relapses: health.relapses,
  };
  return { state: { ...state, health: { status: 'healthy', lastGoodSweepAt: ctx.observedAt } }, events: [event] };
}

/** Good sweeps in a row that end an outage after `relapses` relapses; a value below 1 (or not a number) is 1. */
function recoveryRun(config: MonitorConfig, relapses: number): number {
  const n = config.recoveredAfterSweeps;
  const base = n !== undefined && Number.isFinite(n) && n >= 1 ? Math.floor(n) : 1;
  return Math.min(base * 2 ** relapses, base * MAX_STRETCH);
}
