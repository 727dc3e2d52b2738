import { map, of } from 'rxjs';
import type { Observable } from 'rxjs';
import { TestScheduler } from 'rxjs/testing';
import { describe, expect, it } from 'vitest';
import { DEFAULT_MONITOR_CONFIG } from '../model/config.js';
import type { SweepOutcome } from '../model/snapshot.js';
import { reduce } from '../reducer/reduce.js';
import { recordingLogger } from '../testing/recordingLogger.js';
import { PROD, failureAt, probeReducer, snapshotAt } from './__fixtures__/streamFixtures.js';
import type { SweepFn } from './sweepTicks.js';
import { watchCluster } from './watchCluster.js';
import type { WatchSettings } from './watchCluster.js';

function newScheduler(): TestScheduler {
  return new TestScheduler((actual, expected) => expect(actual).toEqual(expected));
}

function settings(scheduler: TestScheduler, more: Partial<WatchSettings> = {}): WatchSettings {
  return {
    intervalSeconds: 0.01, // 10 virtual ms per tick
    scheduler,
    reducer: probeReducer,
    config: DEFAULT_MONITOR_CONFIG,
    summarize: (state) => Object.keys(state.services),
    logInterval: 60,
    ...more,
  };
}

/** The ids of the probe reducer's events: which sweeps reached the reducer. */
function ids(inputs: Observable<{ event: { id: string } }>): Observable<string> {
  return inputs.pipe(map(({ event }) => event.id));
}

describe('watchCluster (marbles)', () => {
  it('never starts a sweep while one is running: a slow sweep swallows ticks', () => {
    const scheduler = newScheduler();
    scheduler.run(({ cold, expectObservable }) => {
      // Prepare: ticks every 10 ms; the first sweep takes 25 ms, the others 5 ms
      const started: number[] = [];
      let running = 0;
      let overlapped = false;
      const sweep: SweepFn = (tick) => {
        started.push(tick);
        overlapped ||= running > 0;
        running++;
        const duration = tick === 0 ? '25ms' : '5ms';
        return cold<SweepOutcome>(`${duration} (a|)`, { a: snapshotAt(tick) }).pipe(map((outcome) => (running--, outcome)));
      };
      // Act
      const ids$ = ids(watchCluster(PROD, sweep, settings(scheduler)));
      // Assess: tick 0 ends at 25; ticks 1 (10) and 2 (20) are dropped; tick 3 at 30 ends at 35
      expectObservable(ids$, '^ 50ms !').toBe('25ms a 9ms b 9ms c', {
        a: 'prod:snapshot@0',
        b: 'prod:snapshot@3',
        c: 'prod:snapshot@4',
      });
      scheduler.flush();
      expect(started).toEqual([0, 3, 4, 5]);
      expect(overlapped).toBe(false);
    });
  });

  it('passes the tick count, swallowed ticks included, so the source re-lists every N ticks of wall time', () => {
    const scheduler = newScheduler();
    scheduler.run(({ cold }) => {
      // Prepare: every sweep takes 15 ms, so every other tick is swallowed
      const started: number[] = [];
      const sweep: SweepFn = (tick) => (started.push(tick), cold<SweepOutcome>('15ms (a|)', { a: snapshotAt(tick) }));
      // Act
      const subscription = watchCluster(PROD, sweep, settings(scheduler)).subscribe();
      scheduler.schedule(() => subscription.unsubscribe(), 95);
      scheduler.flush();
      // Assess
      expect(started).toEqual([0, 2, 4, 6, 8]);
    });
  });

  it('keeps going after failed sweeps and after a sweep that throws', () => {
    const scheduler = newScheduler();
    scheduler.run(({ expectObservable }) => {
      // Prepare: ticks 1 and 2 fail as values, tick 3 throws (a source breaking its contract)
      const sweep: SweepFn = (tick) => {
        if (tick === 3) throw new Error('source bug');
        return of(tick === 1 || tick === 2 ? failureAt(tick) : snapshotAt(tick));
      };
      // Act
      const ids$ = ids(watchCluster(PROD, sweep, settings(scheduler)));
      // Assess
      expectObservable(ids$, '^ 45ms !').toBe('a 9ms b 9ms c 9ms d 9ms e', {
        a: 'prod:snapshot@0',
        b: 'prod:failure@1',
        c: 'prod:failure@2',
        d: 'prod:failure@30',
        e: 'prod:snapshot@4',
      });
    });
  });

  it('aborts the running sweep when the stream is unsubscribed', () => {
    const scheduler = newScheduler();
    scheduler.run(({ cold }) => {
      // Prepare
      const signals: AbortSignal[] = [];
      const sweep: SweepFn = (_tick, signal) => (signals.push(signal), cold<SweepOutcome>('100ms (a|)', { a: snapshotAt(0) }));
      const subscription = watchCluster(PROD, sweep, settings(scheduler)).subscribe();
      // Act
      scheduler.schedule(() => subscription.unsubscribe(), 50);
      scheduler.flush();
      // Assess
      expect(signals.map((s) => s.aborted)).toEqual([true]);
    });
  });

  it('logs the state summary on the first sweep and then every logInterval ticks', () => {
    const scheduler = newScheduler();
    scheduler.run(() => {
      // Prepare
      const logger = recordingLogger();
      const sweep: SweepFn = (tick) => of(snapshotAt(tick));
      const subscription = watchCluster(PROD, sweep, settings(scheduler, { logger, logInterval: 3 })).subscribe();
      // Act: ticks 0..7
      scheduler.schedule(() => subscription.unsubscribe(), 75);
      scheduler.flush();
      // Assess: ticks 0, 3, 6
      const stateLogs = logger.entries.filter((e) => e.msg === 'state');
      expect(stateLogs).toHaveLength(3);
      expect(stateLogs[0]?.fields).toEqual({ cluster: 'prod', services: [] });
    });
  });

  it('reports every sweep and its duration, and every batch of events, to the hooks', () => {
    const scheduler = newScheduler();
    scheduler.run(({ cold }) => {
      // Prepare
      const sweeps: string[] = [];
      const eventCounts: number[] = [];
      const sweep: SweepFn = (tick) => cold<SweepOutcome>('4ms (a|)', { a: tick === 1 ? failureAt(tick) : snapshotAt(tick) });
      const hooks = {
        onSweep: (outcome: SweepOutcome, ms: number) => sweeps.push(`${outcome.kind}:${ms}`),
        onEvents: (events: unknown[]) => eventCounts.push(events.length),
      };
      const subscription = watchCluster(PROD, sweep, settings(scheduler, { hooks })).subscribe();
      // Act
      scheduler.schedule(() => subscription.unsubscribe(), 25);
      scheduler.flush();
      // Assess
      expect(sweeps).toEqual(['snapshot:4', 'failure:4', 'snapshot:4']);
      expect(eventCounts).toEqual([1, 1, 1]);
    });
  });
});

describe('watchCluster hooks that throw', () => {
  it('logs a throwing hook and keeps monitoring', () => {
    const scheduler = newScheduler();
    scheduler.run(({ cold, expectObservable }) => {
      // Prepare
      const logger = recordingLogger();
      const sweep: SweepFn = (tick) => cold<SweepOutcome>('4ms (a|)', { a: snapshotAt(tick) });
      const hooks = {
        onSweep: () => {
          throw new Error('metrics bug');
        },
        onEvents: () => {
          throw new Error('recorder bug');
        },
      };
      // Act
      const ids$ = ids(watchCluster(PROD, sweep, settings(scheduler, { hooks, logger })));
      // Assess: every sweep still reaches the reducer and its events go on
      expectObservable(ids$, '^ 25ms !').toBe('4ms a 9ms b 9ms c', {
        a: 'prod:snapshot@0',
        b: 'prod:snapshot@1',
        c: 'prod:snapshot@2',
      });
      scheduler.flush();
      expect(logger.entries.filter((e) => e.msg === 'monitor hook failed').length).toBeGreaterThanOrEqual(2);
    });
  });
});

describe('watchCluster with the real reducer (marbles)', () => {
  it('turns a run of failed sweeps into MonitorDegraded, then MonitorRecovered, without ending', () => {
    const scheduler = newScheduler();
    scheduler.run(({ expectObservable }) => {
      // Prepare: tick 0 good, ticks 1-3 fail (degradedAfterFailures 3), tick 4 good again
      const sweep: SweepFn = (tick) => of(tick >= 1 && tick <= 3 ? failureAt(tick * 10) : snapshotAt(tick * 10));
      // Act
      const types$ = watchCluster(PROD, sweep, settings(scheduler, { reducer: reduce })).pipe(map(({ event }) => event.type));
      // Assess
      expectObservable(types$, '^ 55ms !').toBe('s 29ms d 9ms r', {
        s: 'MonitorStarted',
        d: 'MonitorDegraded',
        r: 'MonitorRecovered',
      });
    });
  });
});
