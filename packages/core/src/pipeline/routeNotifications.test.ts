import { TestScheduler } from 'rxjs/testing';
import { describe, expect, it } from 'vitest';
import { notifications } from '../delivery/__fixtures__/queueUnderTest.js';
import type { Notification } from '../model/notification.js';
import { recordingLogger } from '../testing/recordingLogger.js';
import { destination } from './__fixtures__/stageFixtures.js';
import { routeNotifications } from './routeNotifications.js';

function newScheduler(): TestScheduler {
  return new TestScheduler((actual, expected) => expect(actual).toEqual(expected));
}

const [n0, n1, n2] = notifications(3) as [Notification, Notification, Notification];
const isOdd = (n: Notification) => Number(n.id.slice(1)) % 2 === 1;

describe('routeNotifications (marbles)', () => {
  it('pairs each notification with the destinations that accept it, possibly none', () => {
    // Prepare
    const odd = destination('odd', isOdd);
    const even = destination('even', (n) => !isOdd(n));
    const none = destination('none', () => false);
    newScheduler().run(({ hot, expectObservable, expectSubscriptions }) => {
      const input = hot<Notification>('-a-b-c-|', { a: n0, b: n1, c: n2 });
      // Act
      const out = routeNotifications([odd, even, none])(input);
      // Assess
      expectObservable(out).toBe('-a-b-c-|', {
        a: { notification: n0, to: [even] },
        b: { notification: n1, to: [odd] },
        c: { notification: n2, to: [even] },
      });
      expectSubscriptions(input.subscriptions).toBe('^------!');
    });
    // Routing is not delivery: nothing was enqueued
    expect([odd, even, none].map((d) => d.queue.enqueued.length)).toEqual([0, 0, 0]);
  });

  it('logs a filter that throws and skips only that destination, for every notification', () => {
    // Prepare
    const logger = recordingLogger();
    const broken = destination('broken', () => {
      throw new Error('bad glob');
    });
    const healthy = destination('healthy');
    newScheduler().run(({ cold, expectObservable }) => {
      // Act
      const out = cold<Notification>('ab|', { a: n0, b: n1 }).pipe(routeNotifications([broken, healthy], logger));
      // Assess: the stream goes on and the healthy destination still gets both
      expectObservable(out).toBe('ab|', { a: { notification: n0, to: [healthy] }, b: { notification: n1, to: [healthy] } });
    });
    const failures = logger.entries.filter((e) => e.msg === 'routing a notification failed');
    expect(failures.map((e) => [e.fields['destination'], e.fields['notificationId']])).toEqual([
      ['broken', 'n0'],
      ['broken', 'n1'],
    ]);
  });
});
