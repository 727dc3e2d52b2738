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
    const newest = events?.[0];
    if (!events || !newest) return [];
    const cursor = this.cursors.get(service);
    const newestId = newest.id ?? '';
    const newestAt = newest.createdAt?.getTime() ?? 0;
    // A quiet service: nothing is new, and it keeps the cursor it has, so a sweep leaves no new
    // cursor (and no new copy of its id) per service to outlive the young generation (issue 13).
    if (cursor?.id === newestId && cursor.createdAt === newestAt) return [];
    const kept: ServiceEventSnapshot[] = [];
    for (const event of events) {
      if (kept.length >= this.max) break;
      const id = event.id ?? '';
      const createdAt = event.createdAt?.getTime() ?? 0;
      if (cursor && (id === cursor.id || createdAt < cursor.createdAt)) break;
      kept.push({ id, createdAt, message: event.message ?? '' });
    }
    this.cursors.set(service, { id: newestId, createdAt: newestAt });
    return kept;
  }

  /** Drops a service's cursor (it was removed; if it comes back, it starts afresh). */
  forget(service: string): void {
    this.cursors.delete(service);
  }
}
