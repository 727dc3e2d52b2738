import type { ServiceEvent } from '@aws-sdk/client-ecs';
import { describe, expect, it } from 'vitest';
import { EventCursors } from './EventCursors.js';

/** ECS events, newest first, one minute apart, ending at `newest`. */
function events(newest: number, count: number): ServiceEvent[] {
  return Array.from({ length: count }, (_, i) => ({
    id: `e${newest - i}`,
    createdAt: new Date(Date.UTC(2024, 0, 1) + (newest - i) * 60_000),
    message: `(service api) event ${newest - i}`,
  }));
}

describe('EventCursors', () => {
  it('keeps the newest few events of a service seen for the first time', () => {
    // Prepare
    const cursors = new EventCursors(3);
    // Act
    const kept = cursors.take('api', events(100, 100));
    // Assess
    expect(kept.map((e) => e.id)).toEqual(['e100', 'e99', 'e98']);
  });

  it('keeps only the events newer than the last seen', () => {
    // Prepare
    const cursors = new EventCursors(5);
    cursors.take('api', events(100, 100));
    // Act
    const unchanged = cursors.take('api', events(100, 100));
    const twoNew = cursors.take('api', events(102, 100));
    // Assess
    expect(unchanged).toEqual([]);
    expect(twoNew.map((e) => e.id)).toEqual(['e102', 'e101']);
    expect(twoNew[0]).toEqual({ id: 'e102', createdAt: Date.UTC(2024, 0, 1) + 102 * 60_000, message: '(service api) event 102' });
  });

  it('stops at older events even when the last seen one has rotated out of the response', () => {
    // Prepare
    const cursors = new EventCursors(5);
    cursors.take('api', events(100, 3));
    // Act: e100 is gone from the window but e99 is older than it
    const kept = cursors.take('api', [...events(101, 1), ...events(99, 2)]);
    // Assess
    expect(kept.map((e) => e.id)).toEqual(['e101']);
  });

  it('starts afresh for a service it was told to forget', () => {
    // Prepare
    const cursors = new EventCursors(2);
    cursors.take('api', events(10, 10));
    // Act
    cursors.forget('api');
    const kept = cursors.take('api', events(10, 10));
    // Assess
    expect(kept.map((e) => e.id)).toEqual(['e10', 'e9']);
  });
});
