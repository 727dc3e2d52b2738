import { TestScheduler } from 'rxjs/testing';
import { describe, expect, it } from 'vitest';
import { notifications } from '../delivery/__fixtures__/queueUnderTest.js';
import { recordingLogger } from '../testing/recordingLogger.js';
import { destination } from './__fixtures__/stageFixtures.js';
import { deliverTo } from './deliverTo.js';
import type { Routed } from './routeNotifications.js';

function newScheduler(): TestScheduler {
  return new TestScheduler((actual, expected) => expect(actual).toEqual(expected));
}

describe('deliverTo (marbles)', () => {
  it('enqueues each notification on the queues it was routed to, at once, and passes it on', () => {
    // Prepare: n0 goes to both, n1 to slack only
    const [slack, email] = [destination('slack'), destination('email')];
    const [n0, n1] = notifications(2) as [never, never];
    const routed = { a: { notification: n0, to: [slack, email] }, b: { notification: n1, to: [slack] } } satisfies Record<string, Routed>;
    newScheduler().run(({ hot, expectObservable, expectSubscriptions }) => {
      const input = hot<Routed>('-a--b--|', routed);
      // Act
      const out = input.pipe(deliverTo());
      // Assess: nothing waits for a sender; the stream completes with its input
      expectObservable(out).toBe('-a--b--|', routed);
      expectSubscriptions(input.subscriptions).toBe('^------!');
    });
    expect(slack.queue.enqueued).toEqual(['n0', 'n1']);
    expect(email.queue.enqueued).toEqual(['n0']);
  });

  it('logs one line per notification with the senders it went to, and reports it to onDelivered', () => {
    // Prepare
    const logger = recordingLogger();
    const delivered: string[] = [];
    const slack = destination('slack');
    const [n0] = notifications(1) as [never];
    const scheduler = newScheduler();
    scheduler.run(({ cold, expectObservable }) => {
      // Act
      const out = cold<Routed>('a|', { a: { notification: n0, to: [slack] } }).pipe(
        deliverTo(logger, { onDelivered: ({ notification, to }) => delivered.push(`${notification.id}>${to.length}`) }),
      );
      expectObservable(out).toBe('a|', { a: { notification: n0, to: [slack] } });
    });
    // Assess
    expect(delivered).toEqual(['n0>1']);
    const lines = logger.entries.filter((e) => e.level === 'info');
    expect(lines).toHaveLength(1);
    expect(lines[0]?.fields).toMatchObject({ senders: ['slack'], event: { id: (n0 as { event: { id: string } }).event.id } });
  });

  it('names a destination without a queue and enqueues nothing for it', () => {
    // Prepare
    const [n0] = notifications(1) as [never];
    const printed = { name: 'print', accepts: () => true };
    const results: Routed[] = [];
    // Act
    newScheduler().run(({ cold }) => {
      cold<Routed>('a|', { a: { notification: n0, to: [printed] } })
        .pipe(deliverTo())
        .subscribe((r) => results.push(r));
    });
    // Assess
    expect(results.map((r) => r.to.map((d) => d.name))).toEqual([['print']]);
  });
});
