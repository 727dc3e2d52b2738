import type { MonitorConfig } from '../model/config.js';
import type { MonitorEvent } from '../model/events.js';
import { isSweepOutcome } from '../model/parseSweepOutcome.js';
import type { ServiceSnapshot, SweepOutcome } from '../model/snapshot.js';
import { applySnapshot } from './applySnapshot.js';
import { CLUSTER_RULES } from './rules/index.js';
import type { ClusterSweep } from './rules/index.js';
import type { SweepContext } from './serviceState.js';
import { viewOf } from './serviceView.js';
import type { ServiceView } from './serviceView.js';
import { initialState } from './state.js';
import type { ClusterState } from './state.js';

/** What one step of the reducer returns. */
export interface ReduceResult {
  state: ClusterState;
  /** This sweep's events, ordered by service name, then by the DESIGN §4 table. */
  events: MonitorEvent[];
}

/**
 * The pure event reducer (DESIGN §4): folds one sweep of one cluster into the cluster's state
 * and returns the events it implies. No I/O and no clock: time is `outcome.observedAt`, so the
 * same sweeps always give the same events and a recorded run replays exactly. It never throws
 * and never mutates its arguments. It trusts its input's types (the ECS source and
 * `parseSweepOutcome` build them); a value that is not a `SweepOutcome` at all is ignored.
 *
 * Each event type has one rule (`rules/`, in table order): the cluster rules first, then each
 * service by name through the service rules, so the events come out in order. The first
 * successful sweep is a silent baseline (only MonitorStarted). A failed sweep (`kind:
 * 'failure'`) leaves the services untouched and counts towards MonitorDegraded. An `interim`
 * snapshot (a batch as it landed) moves only the services it holds, and the `streamed` sweep
 * that follows its parts only what a whole sweep tells (health, baseline, absences).
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
export function reduce(state: ClusterState | undefined, outcome: SweepOutcome, config: MonitorConfig): ReduceResult {
  // The types say this cannot happen; a cast or a JavaScript caller can. Untrusted data is checked
  // where it enters (parseSweepOutcome), so here a value that is not a sweep is ignored.
  if (!isSweepOutcome(outcome)) return { state: state ?? initialState('', ''), events: [] };
  const ctx: SweepContext = {
    cluster: outcome.cluster || (state?.cluster ?? ''),
    region: outcome.region || (state?.region ?? ''),
    observedAt: outcome.observedAt,
  };
  const current = state ?? initialState(ctx.cluster, ctx.region);
  if (outcome.kind === 'snapshot' && outcome.interim === true) {
    // Part of a sweep (or services an event named): no sweep's health, and nothing before the baseline.
    if (!current.started) return { state: current, events: [] };
    return applySnapshot(current, outcome, viewsOf(outcome.services), ctx, config, false);
  }
  // A streamed sweep's services were applied as its parts landed: after the baseline, no view of
  // them is needed (building 5,000 a sweep was a third of the reducer's work).
  const partsApplied = outcome.kind === 'snapshot' && outcome.streamed === true && current.started;
  const views = outcome.kind === 'snapshot' && !partsApplied ? viewsOf(outcome.services) : new Map<string, ServiceView>();
  const sweep: ClusterSweep = { ctx, config, outcome, views };
  let next = current;
  const events: MonitorEvent[] = [];
  for (const rule of CLUSTER_RULES) {
    const result = rule(next, sweep);
    next = result.state;
    events.push(...result.events);
  }
  if (outcome.kind === 'failure') return { state: next, events };
  const applied = applySnapshot(next, outcome, sweep.views, ctx, config, !current.started);
  events.push(...applied.events);
  return { state: { ...applied.state, cluster: ctx.cluster, region: ctx.region }, events };
}

/** The sweep's services by name, first entry winning, in name order (code units, not locale). */
function viewsOf(services: readonly ServiceSnapshot[]): Map<string, ServiceView> {
  const byName = new Map<string, ServiceSnapshot>();
  for (const service of services) {
    if (service.name !== '' && !byName.has(service.name)) byName.set(service.name, service);
  }
  const names = [...byName.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return new Map(names.map((name) => [name, viewOf(byName.get(name) as ServiceSnapshot)]));
}
