import type { MonitorConfig } from '../../model/config.js';
import type { MonitorDegraded } from '../../model/events.js';
import type { SweepFailure } from '../../model/snapshot.js';
import type { ClusterHealth, ClusterState } from '../state.js';
import type { ClusterSweep } from './ClusterRule.js';

/**
 * MonitorDegraded: sweeps of the cluster failed `degradedAfterFailures` times in a row. Once
 * per outage: while degraded, failures (even between good sweeps) only add to its count, which
 * MonitorRecovered reports; a failure that cuts a run of good sweeps short is a relapse. Its id names the outage's first failure, so a replay gives the same
 * id and the next outage a new one.
 *
 * @example
 * const { state: next, events } = monitorDegraded(state, sweep);
 */
export function monitorDegraded(state: ClusterState, sweep: ClusterSweep): { state: ClusterState; events: MonitorDegraded[] } {
  const { ctx, config, outcome } = sweep;
  if (outcome.kind !== 'failure') return { state, events: [] };
  const health = state.health;
  if (health.status === 'degraded') {
    const { goodSince: _goodSince, ...rest } = health;
    const relapses = health.goodSweeps > 0 ? health.relapses + 1 : health.relapses;
    return { state: { ...state, health: { ...rest, failedSweeps: health.failedSweeps + 1, goodSweeps: 0, relapses } }, events: [] };
  }
  const since = health.status === 'failing' ? health.since : ctx.observedAt;
  const failures = health.status === 'failing' ? health.failures + 1 : 1;
  const lastGood = health.lastGoodSweepAt === undefined ? {} : { lastGoodSweepAt: health.lastGoodSweepAt };
  if (failures < threshold(config)) return { state: { ...state, health: { status: 'failing', since, failures, ...lastGood } }, events: [] };
  const degraded: ClusterHealth = { status: 'degraded', since, failedSweeps: failures, goodSweeps: 0, relapses: 0, ...lastGood };
  const event: MonitorDegraded = {
    type: 'MonitorDegraded',
    id: `${ctx.cluster}/MonitorDegraded@${since}`,
    cluster: ctx.cluster,
    region: ctx.region,
    observedAt: ctx.observedAt,
    failures,
    reason: describeError(outcome.error),
  };
  return { state: { ...state, health: degraded }, events: [event] };
}

/** A threshold below 1 (or not a number) would degrade before anything failed: use 1. */
function threshold(config: MonitorConfig): number {
  const n = config.degradedAfterFailures;
  return Number.isFinite(n) && n >= 1 ? n : 1;
}

function describeError(error: SweepFailure['error']): string {
  const message = error.message || error.name || 'unknown error';
  const code = error.code ?? '';
  return code !== '' && !message.includes(code) ? `${code}: ${message}` : message;
}
