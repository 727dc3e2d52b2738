import { map, of } from 'rxjs';
import type { Observable } from 'rxjs';
import { TestScheduler } from 'rxjs/testing';
import { describe, expect, it } from 'vitest';
import type { ClusterRef, SweepOutcome } from '../model/snapshot.js';
import { recordingLogger } from '../testing/recordingLogger.js';
import { PROD, failureAt, snapshotAt } from './__fixtures__/streamFixtures.js';
import { pollClusters } from './pollClusters.js';
import type { PollSettings, SweepSource } from './pollClusters.js';
import type { Sweep } from './sweepTicks.js';

function newScheduler(): TestScheduler {
  return new TestScheduler((actual, expected) => expect(actual).toEqual(expected));
}

function settings(scheduler: TestScheduler, more: Partial<PollSettings> = {}): PollSettings {
  return { intervalSeconds: 0.01, scheduler, ...more }; // 10 virtual ms per tick
}

/** A source whose sweep of `tick` is `sweep(tick, signal)`, for one cluster. */
function sourceOf(sweep: (tick: number, signal: AbortSignal) => Observable<SweepOutcome>): SweepSource {
  return { sweep: (_cluster, tick, signal) => sweep(tick, signal) };
}

/** Which sweeps came out, by cluster, kind and observedAt. */
function ids(sweeps: Observable<Sweep>): Observable<string> {
  return sweeps.pipe(map(({ outcome }) => `${outcome.cluster}:${outcome.kind}@${outcome.observedAt}`));
}

describe('pollClusters (marbles)', () => {
  it('never starts a sweep while one is running: a slow sweep swallows ticks', () => {
    const scheduler = newScheduler();
    const started: number[] = [];
    let running = 0;
    let overlapped = false;
    scheduler.run(({ cold, expectObservable }) => {
      // Prepare: ticks every 10 ms; the first sweep takes 25 ms, the others 5 ms
      const source = sourceOf((tick) => {
        started.push(tick);
        overlapped ||= running > 0;
        running++;
        const duration = tick === 0 ? '25ms' : '5ms';
        return cold<SweepOutcome>(`${duration} (a|)`, { a: snapshotAt(tick) }).pipe(map((outcome) => (running--, outcome)));
      });
      // Act
      const out = ids(pollClusters([PROD], source, settings(scheduler)));
      // Assess: tick 0 ends at 25; ticks 1 (10) and 2 (20) are dropped; tick 3 at 30 ends at 35
      expectObservable(out, '^ 50ms !').toBe('25ms a 9ms b 9ms c', { a: 'prod:snapshot@0', b: 'prod:snapshot@3', c: 'prod:snapshot@4' });
    });
    expect(started).toEqual([0, 3, 4, 5]);
    expect(overlapped).toBe(false);
  });

  it('passes the tick count, swallowed ticks included, so the source re-lists every N ticks of wall time', () => {
    const scheduler = newScheduler();
    const started: number[] = [];
    scheduler.run(({ cold, expectObservable }) => {
      // Prepare: every sweep takes 15 ms, so every other tick is swallowed
      const source = sourceOf((tick) => (started.push(tick), cold<SweepOutcome>('15ms (a|)', { a: snapshotAt(tick) })));
      // Act
      const ticks = pollClusters([PROD], source, settings(scheduler)).pipe(map(({ tick }) => tick));
      // Assess
      expectObservable(ticks, '^ 95ms !').toBe('15ms a 19ms b 19ms c 19ms d 19ms e', { a: 0, b: 2, c: 4, d: 6, e: 8 });
    });
    expect(started).toEqual([0, 2, 4, 6, 8]);
  });

  it('keeps going after failed sweeps and after a sweep that throws, and logs each failure', () => {
    const logger = recordingLogger();
    const scheduler = newScheduler();
    scheduler.run(({ expectObservable }) => {
      // Prepare: ticks 1 and 2 fail as values, tick 3 throws (a source breaking its contract)
      const source = sourceOf((tick) => {
        if (tick === 3) throw new Error('source bug');
        return of(tick === 1 || tick === 2 ? failureAt(tick) : snapshotAt(tick));
      });
      // Act
      const out = ids(pollClusters([PROD], source, settings(scheduler, { logger })));
      // Assess
      expectObservable(out, '^ 45ms !').toBe('a 9ms b 9ms c 9ms d 9ms e', {
        a: 'prod:snapshot@0',
        b: 'prod:failure@1',
        c: 'prod:failure@2',
        d: 'prod:failure@30',
        e: 'prod:snapshot@4',
      });
    });
    const warnings = logger.entries.filter((e) => e.msg === 'sweep failed');
    expect(warnings).toHaveLength(3);
    expect(warnings[0]?.fields).toMatchObject({ cluster: 'prod', region: 'eu-west-1' });
  });

  it('aborts the running sweep when unsubscribed, and unsubscribes from it', () => {
    const scheduler = newScheduler();
    const signals: AbortSignal[] = [];
    scheduler.run(({ cold, expectObservable, expectSubscriptions }) => {
      // Prepare: a sweep that would take 100 ms
      const sweep = cold<SweepOutcome>('100ms (a|)', { a: snapshotAt(0) });
      const source = sourceOf((_tick, signal) => (signals.push(signal), sweep));
      // Act: unsubscribe at 50 ms, mid-sweep
      expectObservable(ids(pollClusters([PROD], source, settings(scheduler))), '^ 49ms !').toBe('');
      // Assess: the sweep was subscribed at tick 0 and let go at 50 ms; no later tick swept
      expectSubscriptions(sweep.subscriptions).toBe('^ 49ms !');
    });
    expect(signals.map((s) => s.aborted)).toEqual([true]);
  });

  it('subscribes to each sweep once, for exactly as long as it runs', () => {
    const scheduler = newScheduler();
    scheduler.run(({ cold, expectObservable, expectSubscriptions }) => {
      // Prepare: every sweep is the same 3 ms cold observable
      const sweep = cold<SweepOutcome>('3ms (a|)', { a: snapshotAt(0) });
      const source = sourceOf(() => sweep);
      // Act
      expectObservable(ids(pollClusters([PROD], source, settings(scheduler))), '^ 24ms !').toBe('3ms a 9ms a 9ms a', {
        a: 'prod:snapshot@0',
      });
      // Assess: ticks at 0, 10 and 20 ms, each subscription ending with its sweep
      expectSubscriptions(sweep.subscriptions).toBe(['^--!', '10ms ^--!', '20ms ^--!']);
    });
  });

  it('polls every cluster on its own clock and merges their sweeps', () => {
    const staging: ClusterRef = { cluster: 'staging', region: 'eu-west-1' };
    const scheduler = newScheduler();
    scheduler.run(({ cold, expectObservable }) => {
      // Prepare: prod answers in 2 ms, staging in 6 ms
      const source: SweepSource = {
        sweep: (cluster, tick) =>
          cold<SweepOutcome>(cluster.cluster === 'prod' ? '2ms (a|)' : '6ms (a|)', { a: snapshotAt(tick, cluster) }),
      };
      // Act
      const out = ids(pollClusters([PROD, staging], source, settings(scheduler)));
      // Assess
      expectObservable(out, '^ 20ms !').toBe('2ms a 3ms b 5ms c 3ms d', {
        a: 'prod:snapshot@0',
        b: 'staging:snapshot@0',
        c: 'prod:snapshot@1',
        d: 'staging:snapshot@1',
      });
    });
  });

  it('reports every sweep and its duration to onSweep', () => {
    const sweeps: string[] = [];
    const scheduler = newScheduler();
    scheduler.run(({ cold, expectObservable }) => {
      // Prepare
      const source = sourceOf((tick) => cold<SweepOutcome>('4ms (a|)', { a: tick === 1 ? failureAt(tick) : snapshotAt(tick) }));
      const hooks = { onSweep: (outcome: SweepOutcome, ms: number) => sweeps.push(`${outcome.kind}:${ms}`) };
      // Act
      expectObservable(ids(pollClusters([PROD], source, settings(scheduler, { hooks }))), '^ 25ms !').toBe('4ms a 9ms b 9ms c', {
        a: 'prod:snapshot@0',
        b: 'prod:failure@1',
        c: 'prod:snapshot@2',
      });
    });
    // Assess
    expect(sweeps).toEqual(['snapshot:4', 'failure:4', 'snapshot:4']);
  });

  it("passes on a sweep's parts at once, before its outcome, each to onPart and the outcome alone to onSweep", () => {
    const scheduler = newScheduler();
    const seen: string[] = [];
    scheduler.run(({ cold, expectObservable }) => {
      // Prepare: the first tick's sweep passes a part on at once and resolves 20 ms later.
      const source: SweepSource = {
        sweep: (_cluster, tick, _signal, onPart) => {
          if (tick === 0) onPart?.({ ...snapshotAt(0), observedAt: 100, interim: true });
          return cold<SweepOutcome>('20ms (a|)', { a: { ...snapshotAt(tick), streamed: true } });
        },
      };
      const hooks = { onPart: () => seen.push('part'), onSweep: () => seen.push('sweep') };
      // Act
      const out = ids(pollClusters([PROD], source, settings(scheduler, { intervalSeconds: 1, hooks })));
      // Assess
      expectObservable(out, '^ 30ms !').toBe('a 19ms b', { a: 'prod:snapshot@100', b: 'prod:snapshot@0' });
    });
    expect(seen).toEqual(['part', 'sweep']);
  });

  it('stamps each sweep with the account of its cluster, whatever the source answered', () => {
    const scheduler = newScheduler();
    scheduler.run(({ cold, expectObservable }) => {
      // Prepare: two prod clusters in two accounts; the source knows nothing of accounts
      const payments: ClusterRef = { ...PROD, account: 'payments', accountId: '111111111111' };
      const search: ClusterRef = { ...PROD, account: 'search' };
      const source: SweepSource = { sweep: (cluster, tick) => cold<SweepOutcome>('1ms (a|)', { a: snapshotAt(tick, cluster) }) };
      // Act
      const out = pollClusters([payments, search], source, settings(scheduler)).pipe(
        map(({ outcome }) => `${outcome.account ?? '-'}:${outcome.accountId ?? '-'}`),
      );
      // Assess
      expectObservable(out, '^ 5ms !').toBe('1ms (ab)', { a: 'payments:111111111111', b: 'search:-' });
    });
  });

  it('starts a new interval a full interval after the switch, never with a sweep at once', () => {
    const scheduler = newScheduler();
    scheduler.run(({ cold, expectObservable }) => {
      // Prepare: 10 ms ticks, then at 25 ms a switch to 20 ms (a reconciliation spaced after a long sweep)
      const source = sourceOf((tick) => of(snapshotAt(tick)));
      const intervalSeconds$ = cold<number>('a 24ms b', { a: 0.01, b: 0.02 });
      // Act
      const out = ids(pollClusters([PROD], source, settings(scheduler, { intervalSeconds$ })));
      // Assess: ticks at 0, 10, 20, then 45 (25 + 20), not at 25
      expectObservable(out, '^ 50ms !').toBe('a 9ms b 9ms c 24ms d', {
        a: 'prod:snapshot@0',
        b: 'prod:snapshot@1',
        c: 'prod:snapshot@2',
        d: 'prod:snapshot@3',
      });
    });
  });
});
