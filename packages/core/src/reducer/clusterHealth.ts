import type { MonitorConfig } from '../model/config.js';
import type { MonitorDegraded, MonitorRecovered } from '../model/events.js';
import type { SweepContext } from './serviceState.js';
import { secondsBetween } from './serviceState.js';
import type { ClusterState } from './state.js';
import { isObject, str } from './serviceView.js';

/**
 * Counts a failed sweep; MonitorDegraded once the run of failures reaches
 * `degradedAfterFailures`. Its id names the first failure of the run, so a replay gives the
 * same id and the next outage a new one.
 *
 * @example
 * const { state, event } = recordFailure(state, ctx, config, failure.error);
 */
export function recordFailure(
  state: ClusterState,
  ctx: SweepContext,
  config: MonitorConfig,
  error: unknown,
): { state: ClusterState; event?: MonitorDegraded } {
  const failures = state.consecutiveFailures + 1;
  const firstFailureAt = state.firstFailureAt ?? ctx.observedAt;
  const next: ClusterState = { ...state, consecutiveFailures: failures, firstFailureAt };
  if (state.degraded || failures < threshold(config)) return { state: next };
  const event: MonitorDegraded = {
    type: 'MonitorDegraded',
    id: `${ctx.cluster}/MonitorDegraded@${firstFailureAt}`,
    cluster: ctx.cluster,
    region: ctx.region,
    observedAt: ctx.observedAt,
    failures,
    reason: describeError(error),
  };
  return { state: { ...next, degraded: true }, event };
}

/**
 * Counts a good sweep: resets the failure run and, after MonitorDegraded, emits
 * MonitorRecovered with the outage's length (since the last good sweep before it, or since the
 * first failure when there never was one).
 */
export function recordSuccess(state: ClusterState, ctx: SweepContext): { state: ClusterState; event?: MonitorRecovered } {
  const { firstFailureAt: _first, ...rest } = state;
  const next: ClusterState = { ...rest, consecutiveFailures: 0, degraded: false, lastGoodSweepAt: ctx.observedAt };
  if (!state.degraded) return { state: next };
  const outageStart = state.lastGoodSweepAt ?? state.firstFailureAt ?? ctx.observedAt;
  const event: MonitorRecovered = {
    type: 'MonitorRecovered',
    id: `${ctx.cluster}/MonitorRecovered@${state.firstFailureAt ?? outageStart}`,
    cluster: ctx.cluster,
    region: ctx.region,
    observedAt: ctx.observedAt,
    durationSeconds: secondsBetween(outageStart, ctx.observedAt),
  };
  return { state: next, event };
}

/** A threshold below 1 (or not a number) would degrade before anything failed: use 1. */
function threshold(config: MonitorConfig): number {
  const n = config.degradedAfterFailures;
  return Number.isFinite(n) && n >= 1 ? n : 1;
}

function describeError(error: unknown): string {
  if (!isObject(error)) return 'unknown error';
  const message = str(error['message']) || str(error['name']) || 'unknown error';
  const code = str(error['code']);
  return code !== '' && !message.includes(code) ? `${code}: ${message}` : message;
}
