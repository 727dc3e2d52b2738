import type { ServiceEvent } from '@aws-sdk/client-ecs';
import type { ServiceEventSnapshot } from '../model/snapshot.js';

interface Cursor {
  id: string;
  createdAt: number;
}

/**
 * Remembers, per service, the newest service event already passed on, so each sweep keeps only
 * the events that are new. DescribeServices returns up to 100 events per service, newest first,
 * every time: converting them all would dominate the CPU of a sweep (DESIGN §8), so the scan
 * stops at the first event already seen and at `max` events.
 *
 * On a service's first sighting there is nothing to compare with: its newest `max` events are
 * kept, which gives the enrichment step context for a service adopted mid-deployment.
 *
 * @example
 * const cursors = new EventCursors(5);
 * cursors.take('api', service.events); // up to 5 newest
 * cursors.take('api', service.events); // [] until ECS logs something new
 */
export class EventCursors {
  private readonly cursors = new Map<string, Cursor>();

  constructor(private readonly max: number) {}

  /** The events of `service` newer than the last call's newest, newest first, at most `max`. */
  take(service: string, events: readonly ServiceEvent[] | undefined): ServiceEventSnapshot[] {
    if (!events || events.length === 0) return [];
    const cursor = this.cursors.get(service);
    const kept: ServiceEventSnapshot[] = [];
    for (const event of events) {
      if (kept.length >= this.max) break;
      const id = event.id ?? '';
      const createdAt = event.createdAt?.getTime() ?? 0;
      if (cursor && (id === cursor.id || createdAt < cursor.createdAt)) break;
      kept.push({ id, createdAt, message: event.message ?? '' });
    }
    const newest = events[0];
    if (newest) {
      const id = newest.id ?? '';
      const createdAt = newest.createdAt?.getTime() ?? 0;
      // A quiet service keeps the cursor it has: a sweep leaves no new cursor (and no new copy of
      // its id) per service to outlive the young generation and be promoted (issue 13, memory).
      if (cursor?.id !== id || cursor.createdAt !== createdAt) this.cursors.set(service, { id, createdAt });
    }
    return kept;
  }

  /** Drops a service's cursor (it was removed; if it comes back, it starts afresh). */
  forget(service: string): void {
    this.cursors.delete(service);
  }
}
