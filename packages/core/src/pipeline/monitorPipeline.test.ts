import { delay, map, mergeMap, of, toArray } from 'rxjs';
import type { OperatorFunction } from 'rxjs';
import { TestScheduler } from 'rxjs/testing';
import { describe, expect, it } from 'vitest';
import type { EnrichInput } from '../model/enricher.js';
import type { MonitorEvent } from '../model/events.js';
import type { SweepOutcome } from '../model/snapshot.js';
import { reduce } from '../reducer/reduce.js';
import { recordingLogger } from '../testing/recordingLogger.js';
import { PROD, failureAt, probeReducer, snapshotAt } from './__fixtures__/streamFixtures.js';
import { destination } from './__fixtures__/stageFixtures.js';
import { monitorClusters } from './monitorClusters.js';
import { monitorPipeline } from './monitorPipeline.js';
import type { SweepSource } from './pollClusters.js';
import type { Routed } from './routeNotifications.js';

function newScheduler(): TestScheduler {
  return new TestScheduler((actual, expected) => expect(actual).toEqual(expected));
}

/** 10 virtual ms per tick. */
const TICK = 0.01;

/** A source whose every sweep takes `duration` (a marble time) and records its tick and signal. */
function timedSource(
  cold: TestScheduler['createColdObservable'],
  duration: string,
  outcome = (tick: number): SweepOutcome => snapshotAt(tick),
) {
  const started: number[] = [];
  const signals: AbortSignal[] = [];
  const source: SweepSource = {
    sweep: (_cluster, tick, signal) => {
      started.push(tick);
      signals.push(signal);
      return cold<SweepOutcome>(`${duration} (a|)`, { a: outcome(tick) });
    },
  };
  return { source, started, signals };
}

/** An enrichment step that takes `ms` of virtual time per event, events in parallel. */
function slowEnrich(ms: number): OperatorFunction<EnrichInput, MonitorEvent> {
  return mergeMap((input) => of(input.event).pipe(delay(ms)));
}

const idOf = (routed: Routed) => routed.notification.id;

describe('monitorPipeline (marbles)', () => {
  it('runs every stage: each sweep reduced, enriched, formatted, routed and enqueued', () => {
    // Prepare: sweeps take 2 ms, enrichment 3 ms; slack takes everything, email nothing
    const scheduler = newScheduler();
    const slack = destination('slack');
    const email = destination('email', () => false);
    scheduler.run(({ cold, expectObservable }) => {
      const { source } = timedSource(cold, '2ms');
      // Act
      const out = monitorPipeline({
        clusters: [PROD],
        source,
        checkIntervalSeconds: TICK,
        scheduler,
        reducer: probeReducer,
        enrich: slowEnrich(3),
        destinations: [slack, email],
      }).pipe(map((routed) => `${idOf(routed)}>${routed.to.map((d) => d.name).join()}`));
      // Assess
      expectObservable(out, '^ 25ms !').toBe('5ms a 9ms b 9ms c', {
        a: 'prod:snapshot@0>slack',
        b: 'prod:snapshot@1>slack',
        c: 'prod:snapshot@2>slack',
      });
    });
    expect(slack.queue.enqueued).toEqual(['prod:snapshot@0', 'prod:snapshot@1', 'prod:snapshot@2']);
    expect(email.queue.enqueued).toEqual([]);
  });

  it('stops gracefully: no new sweep, the one in flight aborted, events in enrichment still delivered, then completes', () => {
    // Prepare: sweeps take 2 ms, enrichment 30 ms; stop at 21 ms, while tick 2's sweep runs
    const scheduler = newScheduler();
    const slack = destination('slack');
    let started: number[] = [];
    let signals: AbortSignal[] = [];
    scheduler.run(({ cold, hot, expectObservable, expectSubscriptions }) => {
      const timed = timedSource(cold, '2ms');
      ({ started, signals } = timed);
      const stop$ = hot('21ms s');
      // Act
      const out = monitorPipeline({
        clusters: [PROD],
        source: timed.source,
        checkIntervalSeconds: TICK,
        scheduler,
        reducer: probeReducer,
        enrich: slowEnrich(30),
        destinations: [slack],
        stop$,
      }).pipe(map(idOf));
      // Assess: tick 2's sweep (20-22 ms) is cut off and no tick 3 starts; the events of ticks 0 and 1 (out of the reducer at 2 and 12 ms) come out of
      // enrichment at 32 and 42 ms, after the stop; then the pipeline completes on its own
      expectObservable(out).toBe('32ms a 9ms (b|)', { a: 'prod:snapshot@0', b: 'prod:snapshot@1' });
      expectSubscriptions(stop$.subscriptions).toBe('^ 20ms !');
    });
    expect(started).toEqual([0, 1, 2]);
    expect(signals[2]?.aborted).toBe(true);
    expect(slack.queue.enqueued).toEqual(['prod:snapshot@0', 'prod:snapshot@1']);
  });

  it('turns a run of failed sweeps into MonitorDegraded, then MonitorRecovered, without ending', () => {
    const scheduler = newScheduler();
    scheduler.run(({ cold, expectObservable }) => {
      // Prepare: tick 0 good, ticks 1-3 fail (degradedAfterFailures 3), tick 4 good again
      const { source } = timedSource(cold, '0ms', (tick) => (tick >= 1 && tick <= 3 ? failureAt(tick * 10) : snapshotAt(tick * 10)));
      // Act
      const types = monitorPipeline({
        clusters: [PROD],
        source,
        checkIntervalSeconds: TICK,
        scheduler,
        reducer: reduce,
        destinations: [],
      }).pipe(map((routed) => routed.notification.event.type));
      // Assess
      expectObservable(types, '^ 55ms !').toBe('s 29ms d 9ms r', { s: 'MonitorStarted', d: 'MonitorDegraded', r: 'MonitorRecovered' });
    });
  });

  it('logs the state summary of each cluster on its first sweep and then every logInterval ticks', () => {
    // Prepare
    const logger = recordingLogger();
    const scheduler = newScheduler();
    scheduler.run(({ cold, expectObservable }) => {
      const { source } = timedSource(cold, '0ms');
      // Act: ticks 0..7
      const out = monitorPipeline({
        clusters: [PROD],
        source,
        checkIntervalSeconds: TICK,
        scheduler,
        logger,
        logInterval: 3,
        destinations: [],
      });
      expectObservable(out.pipe(map(idOf)), '^ 75ms !').toBe('a', { a: 'prod/MonitorStarted@0' });
    });
    // Assess: ticks 0, 3 and 6
    const stateLogs = logger.entries.filter((e) => e.msg === 'state');
    expect(stateLogs.map((e) => e.fields)).toEqual([
      { cluster: 'prod', region: 'eu-west-1', services: [] },
      { cluster: 'prod', region: 'eu-west-1', services: [] },
      { cluster: 'prod', region: 'eu-west-1', services: [] },
    ]);
  });

  it('reports sweeps, event batches and deliveries to the hooks', () => {
    // Prepare
    const calls: string[] = [];
    const scheduler = newScheduler();
    scheduler.run(({ cold, expectObservable }) => {
      const { source } = timedSource(cold, '4ms', (tick) => (tick === 1 ? failureAt(tick) : snapshotAt(tick)));
      const hooks = {
        onSweep: (outcome: SweepOutcome, ms: number) => calls.push(`sweep:${outcome.kind}:${ms}`),
        onEvents: (events: MonitorEvent[]) => calls.push(`events:${events.length}`),
        onDelivered: (routed: Routed) => calls.push(`delivered:${routed.notification.id}`),
      };
      // Act
      const out = monitorPipeline({
        clusters: [PROD],
        source,
        checkIntervalSeconds: TICK,
        scheduler,
        reducer: probeReducer,
        hooks,
        destinations: [],
      });
      expectObservable(out.pipe(map(idOf)), '^ 25ms !').toBe('4ms a 9ms b 9ms c', {
        a: 'prod:snapshot@0',
        b: 'prod:failure@1',
        c: 'prod:snapshot@2',
      });
    });
    // Assess
    expect(calls).toEqual([
      'sweep:snapshot:4',
      'events:1',
      'delivered:prod:snapshot@0',
      'sweep:failure:4',
      'events:1',
      'delivered:prod:failure@1',
      'sweep:snapshot:4',
      'events:1',
      'delivered:prod:snapshot@2',
    ]);
  });

  it('logs every call of a throwing hook and keeps monitoring', () => {
    // Prepare
    const logger = recordingLogger();
    const scheduler = newScheduler();
    const fail = (what: string) => () => {
      throw new Error(`${what} bug`);
    };
    scheduler.run(({ cold, expectObservable }) => {
      const { source } = timedSource(cold, '4ms');
      const hooks = { onSweep: fail('metrics'), onEvents: fail('recorder'), onDelivered: fail('counter') };
      // Act
      const out = monitorPipeline({
        clusters: [PROD],
        source,
        checkIntervalSeconds: TICK,
        scheduler,
        reducer: probeReducer,
        hooks,
        logger,
        destinations: [],
      });
      // Assess: every sweep still reaches the reducer and its events go on
      expectObservable(out.pipe(map(idOf)), '^ 25ms !').toBe('4ms a 9ms b 9ms c', {
        a: 'prod:snapshot@0',
        b: 'prod:snapshot@1',
        c: 'prod:snapshot@2',
      });
    });
    const failures = logger.entries.filter((e) => e.msg === 'monitor hook failed').map((e) => e.fields['hook']);
    expect(failures).toEqual([
      'onSweep',
      'onEvents',
      'onDelivered',
      'onSweep',
      'onEvents',
      'onDelivered',
      'onSweep',
      'onEvents',
      'onDelivered',
    ]);
  });

  it('takes a recording as its source stage instead of ticks and sweeps', () => {
    // Prepare
    const slack = destination('slack');
    const sweeps = of({ tick: 0, outcome: snapshotAt(0) }, { tick: 1, outcome: failureAt(10) });
    // Act
    let ids: string[] = [];
    monitorPipeline({ sweeps, reducer: probeReducer, destinations: [slack] })
      .pipe(map(idOf), toArray())
      .subscribe((all) => (ids = all));
    // Assess: synchronous, in order, and complete
    expect(ids).toEqual(['prod:snapshot@0', 'prod:failure@10']);
    expect(slack.queue.enqueued).toEqual(ids);
  });
});

describe('monitorClusters', () => {
  it('is the pipeline up to its enrichment stage: the same events, in the same order, at the same times', () => {
    const scheduler = newScheduler();
    scheduler.run(({ cold, hot, expectObservable }) => {
      // Prepare
      const outcome = (tick: number) => (tick >= 1 && tick <= 3 ? failureAt(tick * 10) : snapshotAt(tick * 10));
      const stop$ = hot('45ms s');
      const options = { clusters: [PROD], checkIntervalSeconds: TICK, scheduler, reducer: reduce, enrich: slowEnrich(3), stop$ };
      // Act
      const events = monitorClusters({ ...options, source: timedSource(cold, '1ms', outcome).source }).pipe(map((e) => e.type));
      const routed = monitorPipeline({ ...options, source: timedSource(cold, '1ms', outcome).source, destinations: [] }).pipe(
        map((r) => r.notification.event.type),
      );
      // Assess
      const expected = { s: 'MonitorStarted', d: 'MonitorDegraded', r: 'MonitorRecovered' };
      expectObservable(events).toBe('4ms s 29ms d 9ms r|', expected);
      expectObservable(routed).toBe('4ms s 29ms d 9ms r|', expected);
    });
  });
});
