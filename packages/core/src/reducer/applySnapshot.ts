import type { MonitorConfig } from '../model/config.js';
import type { MonitorEvent, MonitorStarted, ServiceRemoved } from '../model/events.js';
import { consoleUrl } from '../model/config.js';
import { isGone } from '../model/snapshot.js';
import { adoptService } from './adoptService.js';
import { appearService } from './appearService.js';
import type { SweepContext } from './serviceState.js';
import { eventId } from './serviceState.js';
import { REMOVED_LIMIT, getOwn, setOwn } from './state.js';
import type { ClusterState, ServiceTrack } from './state.js';
import { stepService } from './stepService.js';
import { readMissing, readService } from './serviceView.js';
import type { ServiceView } from './serviceView.js';

/**
 * Applies one snapshot's services to a started cluster, or takes the silent baseline on the
 * first one. Returns events unordered (the caller orders them).
 *
 * @example
 * const { state: next, events } = applySnapshot(state, snapshot, ctx, config);
 */
export function applySnapshot(
  state: ClusterState,
  raw: Record<string, unknown>,
  ctx: SweepContext,
  config: MonitorConfig,
): { state: ClusterState; events: MonitorEvent[] } {
  const views = readServices(raw['services']);
  const partial = raw['partial'] === true;
  if (!state.started) return baseline(state, views, ctx, config, partial);
  const services: Record<string, ServiceTrack> = { ...state.services };
  const removed: Record<string, string[]> = { ...state.removed };
  const events: MonitorEvent[] = [];
  const remove = (name: string, reason: string, track: ServiceTrack): void => {
    events.push(serviceRemoved(ctx, name, reason, track));
    delete services[name];
    delete removed[name];
    setOwn(removed, name, track.seen);
  };
  for (const view of views.values()) {
    const previous = getOwn(state.services, view.name);
    if (isGone(view.status)) {
      if (previous) remove(view.name, view.status, previous);
      continue;
    }
    const step = previous
      ? stepService(ctx, config, previous, view)
      : appearService(ctx, config, view, getOwn(removed, view.name) ?? [], state.baselineComplete);
    if (!previous) delete removed[view.name];
    setOwn(services, view.name, step.track);
    events.push(...step.events);
  }
  const missing = new Set(readMissing(raw['missing']));
  for (const [name, track] of Object.entries(state.services)) {
    if (views.has(name)) continue;
    // In a partial sweep, a service in neither list was in a failed batch: unknown, not gone.
    if (missing.has(name)) remove(name, 'MISSING', track);
    else if (!partial) remove(name, 'UNLISTED', track);
  }
  const baselineComplete = state.baselineComplete || !partial;
  return { state: { ...state, baselineComplete, services, removed: bounded(removed) }, events };
}

/** The first successful sweep: adopt every live service silently and say the monitor started. */
function baseline(
  state: ClusterState,
  views: Map<string, ServiceView>,
  ctx: SweepContext,
  config: MonitorConfig,
  partial: boolean,
): { state: ClusterState; events: MonitorEvent[] } {
  const services: Record<string, ServiceTrack> = {};
  for (const view of views.values()) {
    if (!isGone(view.status)) setOwn(services, view.name, adoptService(view, ctx.observedAt, []));
  }
  const started: MonitorStarted = {
    type: 'MonitorStarted',
    id: `${ctx.cluster}/MonitorStarted@${ctx.observedAt}`,
    cluster: ctx.cluster,
    region: ctx.region,
    observedAt: ctx.observedAt,
    serviceNames: Object.keys(services).sort(),
  };
  return { state: { ...state, started: true, baselineComplete: !partial, services }, events: [started] };
}

/** Well-formed services by name, first entry winning, in name order (code units, not locale). */
function readServices(raw: unknown): Map<string, ServiceView> {
  const views = new Map<string, ServiceView>();
  if (!Array.isArray(raw)) return views;
  for (const entry of raw) {
    const view = readService(entry);
    if (view && !views.has(view.name)) views.set(view.name, view);
  }
  return new Map([...views.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

function serviceRemoved(ctx: SweepContext, name: string, reason: string, track: ServiceTrack): ServiceRemoved {
  return {
    type: 'ServiceRemoved',
    // Without a deployment id only the time tells one removal of a recreated service from the next.
    id: eventId(ctx, name, track.deploymentId, 'ServiceRemoved', track.deploymentId === '' ? `@${ctx.observedAt}` : ''),
    cluster: ctx.cluster,
    region: ctx.region,
    observedAt: ctx.observedAt,
    service: name,
    reason,
    consoleUrl: consoleUrl(ctx.region, ctx.cluster, name),
  };
}

/** Keeps the most recently removed services only (insertion order is removal order). */
function bounded(removed: Record<string, string[]>): Record<string, string[]> {
  const names = Object.keys(removed);
  if (names.length <= REMOVED_LIMIT) return removed;
  const kept: Record<string, string[]> = {};
  for (const name of names.slice(names.length - REMOVED_LIMIT)) setOwn(kept, name, removed[name] ?? []);
  return kept;
}
