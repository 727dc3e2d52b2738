import { TestScheduler } from 'rxjs/testing';
import { describe, expect, it } from 'vitest';
import { createFormatter } from '../format/createFormatter.js';
import { defaultFormatter } from '../format/defaultFormatter.js';
import { toNotification } from '../format/toNotification.js';
import type { MonitorEvent } from '../model/events.js';
import { recordingLogger } from '../testing/recordingLogger.js';
import { sampleEvents } from '../testing/sampleEvents.js';
import { formatEvents } from './formatEvents.js';

function newScheduler(): TestScheduler {
  return new TestScheduler((actual, expected) => expect(actual).toEqual(expected));
}

const started = sampleEvents().find((e) => e.type === 'DeploymentStarted') as MonitorEvent;
const done = sampleEvents().find((e) => e.type === 'DeploymentCompleted') as MonitorEvent;

describe('formatEvents (marbles)', () => {
  it('renders each event once into a notification, in order, at the time it arrives', () => {
    newScheduler().run(({ hot, expectObservable, expectSubscriptions }) => {
      // Prepare
      const input = hot<MonitorEvent>('-a--b-|', { a: started, b: done });
      // Act
      const out = input.pipe(formatEvents(defaultFormatter));
      // Assess
      expectObservable(out).toBe('-a--b-|', { a: toNotification(started, defaultFormatter), b: toNotification(done, defaultFormatter) });
      expectSubscriptions(input.subscriptions).toBe('^-----!');
    });
  });

  it('uses the default text when an override throws, and logs it', () => {
    // Prepare
    const logger = recordingLogger();
    const broken = createFormatter({
      deploy: () => {
        throw new Error('template bug');
      },
    });
    newScheduler().run(({ cold, expectObservable }) => {
      // Act
      const out = cold<MonitorEvent>('a|', { a: started }).pipe(formatEvents(broken, logger));
      // Assess
      expectObservable(out).toBe('a|', { a: toNotification(started, defaultFormatter) });
    });
    const warnings = logger.entries.filter((e) => e.msg === 'formatter failed; the default text was used');
    expect(warnings.map((e) => e.fields['eventId'])).toEqual([started.id]);
  });
});
