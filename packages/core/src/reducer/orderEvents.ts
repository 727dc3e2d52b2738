import { EventType } from '../model/events.js';
import type { MonitorEvent } from '../model/events.js';

/** Position of each event type in the DESIGN §4 table. */
const TABLE_ORDER = new Map<string, number>(Object.keys(EventType).map((type, index) => [type, index]));

/**
 * Orders one sweep's events by service name, then by the DESIGN §4 table (a stable sort, so
 * equal keys keep the order they were decided in). Cluster-level events have no service and
 * sort first: MonitorStarted and MonitorRecovered describe the sweep that the service events
 * came from. Names compare by code unit, not locale, so the order never depends on the host.
 *
 * @example
 * const ordered = orderEvents(events);
 */
export function orderEvents(events: MonitorEvent[]): MonitorEvent[] {
  return [...events].sort((a, b) => compareText(serviceOf(a), serviceOf(b)) || rank(a) - rank(b));
}

function serviceOf(event: MonitorEvent): string {
  return 'service' in event ? event.service : '';
}

function rank(event: MonitorEvent): number {
  return TABLE_ORDER.get(event.type) ?? TABLE_ORDER.size;
}

function compareText(a: string, b: string): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}
