import type { MonitorConfig } from '../model/config.js';
import type { MonitorEvent } from '../model/events.js';
import type { SweepOutcome } from '../model/snapshot.js';
import { applySnapshot } from './applySnapshot.js';
import { recordFailure, recordSuccess } from './clusterHealth.js';
import { orderEvents } from './orderEvents.js';
import type { SweepContext } from './serviceState.js';
import { initialState } from './state.js';
import type { ClusterState } from './state.js';
import { isObject, num, str } from './serviceView.js';

/** What one step of the reducer returns. */
export interface ReduceResult {
  state: ClusterState;
  /** This sweep's events, ordered by service name, then by the DESIGN §4 table. */
  events: MonitorEvent[];
}

/**
 * The pure event reducer (DESIGN §4): folds one sweep of one cluster into the cluster's state
 * and returns the events it implies. No I/O and no clock: time is `input.observedAt`, so the
 * same sweeps always give the same events and a recorded run replays exactly. It never throws
 * and never mutates its arguments; a malformed sweep is read defensively.
 *
 * The first successful sweep is a silent baseline (only MonitorStarted). A failed sweep
 * (`kind: 'failure'`) leaves the services untouched and counts towards MonitorDegraded.
 *
 * @example
 * let state: ClusterState | undefined;
 * for (const sweep of sweeps) {
 *   const result = reduce(state, sweep, DEFAULT_MONITOR_CONFIG);
 *   state = result.state;
 *   for (const event of result.events) console.log(event.id);
 * }
 * // or, in a stream: outcomes.pipe(scan((acc, s) => reduce(acc.state, s, config), seed))
 */
export function reduce(state: ClusterState | undefined, input: SweepOutcome, config: MonitorConfig): ReduceResult {
  const raw: unknown = input;
  if (!isObject(raw)) return { state: state ?? initialState('', ''), events: [] };
  const ctx: SweepContext = {
    cluster: str(raw['cluster']) || (state?.cluster ?? ''),
    region: str(raw['region']) || (state?.region ?? ''),
    observedAt: num(raw['observedAt']),
  };
  const current = state ?? initialState(ctx.cluster, ctx.region);
  if (raw['kind'] === 'failure') {
    const failed = recordFailure(current, ctx, config, raw['error']);
    return { state: failed.state, events: failed.event ? [failed.event] : [] };
  }
  const healthy = recordSuccess(current, ctx);
  const applied = applySnapshot(healthy.state, raw, ctx, config);
  const events = healthy.event ? [...applied.events, healthy.event] : applied.events;
  return { state: { ...applied.state, cluster: ctx.cluster, region: ctx.region }, events: orderEvents(events) };
}
