import type { MonitorConfig } from '../model/config.js';
import type { MonitorEvent } from '../model/events.js';
import { isGone } from '../model/snapshot.js';
import type { ClusterSnapshot } from '../model/snapshot.js';
import { adoptService } from './adoptService.js';
import type { SweepContext } from './serviceState.js';
import { REMOVED_LIMIT, getOwn, setOwn } from './state.js';
import type { ClusterState, ServiceTrack } from './state.js';
import { stepService } from './stepService.js';
import type { ServiceView } from './serviceView.js';

/**
 * Applies one snapshot's services to a started cluster, service by service in name order (so
 * the events come out in order), or takes the silent baseline on the first one.
 *
 * @example
 * const { state: next, events } = applySnapshot(state, snapshot, views, ctx, config, baseline);
 */
export function applySnapshot(
  state: ClusterState,
  snapshot: ClusterSnapshot,
  views: ReadonlyMap<string, ServiceView>,
  ctx: SweepContext,
  config: MonitorConfig,
  baseline: boolean,
): { state: ClusterState; events: MonitorEvent[] } {
  const interim = snapshot.interim === true;
  // An interim part concludes nothing from what it lacks: every service absent from it is unknown.
  const partial = snapshot.partial === true || interim;
  // Incomplete answers leave a service unknown, as a failed batch does: one the reducer does not
  // track yet may have been there all along, so the sweep cannot complete the baseline.
  const incomplete = new Set((snapshot.incomplete ?? []).map((service) => service.name));
  const unknownUntracked = [...incomplete].some((name) => getOwn(state.services, name) === undefined);
  const baselineComplete = state.baselineComplete || (!partial && !unknownUntracked);
  if (baseline) return { state: { ...state, baselineComplete, services: adoptAll(views, ctx) }, events: [] };
  // Copied on the first change only: a batch passed on as it lands is reduced on its own, and
  // copying every track of a large cluster for each one made a sweep's reduce quadratic.
  let services: Record<string, ServiceTrack> | undefined;
  let removed: Record<string, string[]> | undefined;
  const writable = (): { services: Record<string, ServiceTrack>; removed: Record<string, string[]> } => {
    services ??= { ...state.services };
    removed ??= { ...state.removed };
    return { services, removed };
  };
  const missing = new Set(snapshot.missing);
  const events: MonitorEvent[] = [];
  for (const name of namesToStep(snapshot, views, state.services)) {
    const view = views.get(name);
    const previous = getOwn(state.services, name);
    if (!previous && view && isGone(view.status)) continue;
    const step = stepService({
      ctx,
      config,
      name,
      view,
      previous,
      removedSeen: previous ? [] : (getOwn(removed ?? state.removed, name) ?? []),
      baselineComplete: state.baselineComplete,
      removedBecause: removalReason(view, missing.has(name), partial || incomplete.has(name)),
    });
    events.push(...step.events);
    if (step.track === previous) continue;
    const out = writable();
    if (step.track) {
      setOwn(out.services, name, step.track);
      if (!previous) delete out.removed[name];
    } else if (previous) {
      delete out.services[name];
      delete out.removed[name];
      setOwn(out.removed, name, previous.seen);
    }
  }
  if (services === undefined && baselineComplete === state.baselineComplete) return { state, events };
  return {
    state: { ...state, baselineComplete, services: services ?? state.services, removed: bounded(removed ?? state.removed) },
    events,
  };
}

/** Why a service left this sweep, or `undefined` if it did not (or its state is unknown). */
function removalReason(view: ServiceView | undefined, missing: boolean, unknown: boolean): string | undefined {
  if (view) return isGone(view.status) ? view.status : undefined;
  if (missing) return 'MISSING';
  // In a partial sweep, a service in neither list was in a failed batch; an incomplete one was
  // answered for without its counts: unknown, not gone (its track is left untouched).
  return unknown ? undefined : 'UNLISTED';
}

/** The first successful sweep: every live service adopted silently. */
function adoptAll(views: ReadonlyMap<string, ServiceView>, ctx: SweepContext): Record<string, ServiceTrack> {
  const services: Record<string, ServiceTrack> = {};
  for (const view of views.values()) {
    if (!isGone(view.status)) setOwn(services, view.name, adoptService(view, ctx.observedAt, []));
  }
  return services;
}

/**
 * The services a snapshot moves, once each, in name order (code units, not locale): for a
 * sweep, every service of the sweep or the state; for an interim part, those it holds and the
 * tracked ones it has a verdict on; for a streamed sweep (its parts applied already), the
 * tracked ones it does not hold, which only a whole sweep can tell about.
 */
function namesToStep(snapshot: ClusterSnapshot, views: ReadonlyMap<string, ServiceView>, tracked: Record<string, ServiceTrack>): string[] {
  let names: Iterable<string>;
  if (snapshot.interim === true) {
    // Only what the part holds: never a walk over every tracked service.
    names = new Set([...views.keys(), ...snapshot.missing.filter((name) => getOwn(tracked, name) !== undefined)]);
  } else if (snapshot.streamed === true) {
    const held = new Set(snapshot.services.map((service) => service.name));
    names = Object.keys(tracked).filter((name) => !held.has(name));
  } else {
    names = new Set([...views.keys(), ...Object.keys(tracked)]);
  }
  return [...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** Keeps the most recently removed services only (insertion order is removal order). */
function bounded(removed: Record<string, string[]>): Record<string, string[]> {
  const names = Object.keys(removed);
  if (names.length <= REMOVED_LIMIT) return removed;
  const kept: Record<string, string[]> = {};
  for (const name of names.slice(names.length - REMOVED_LIMIT)) setOwn(kept, name, removed[name] ?? []);
  return kept;
}
