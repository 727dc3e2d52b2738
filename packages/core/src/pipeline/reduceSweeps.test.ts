import { map } from 'rxjs';
import { TestScheduler } from 'rxjs/testing';
import { describe, expect, it } from 'vitest';
import { DEFAULT_MONITOR_CONFIG } from '../model/config.js';
import type { ClusterRef } from '../model/snapshot.js';
import { reduce } from '../reducer/reduce.js';
import { PROD, failureAt, probeReducer, snapshotAt } from './__fixtures__/streamFixtures.js';
import { reduceSweeps } from './reduceSweeps.js';
import type { Sweep } from './sweepTicks.js';

function newScheduler(): TestScheduler {
  return new TestScheduler((actual, expected) => expect(actual).toEqual(expected));
}

const PROD_US: ClusterRef = { cluster: 'prod', region: 'us-east-1' };

describe('reduceSweeps (marbles)', () => {
  it('reduces each sweep as it arrives and completes with its input', () => {
    newScheduler().run(({ hot, expectObservable, expectSubscriptions }) => {
      // Prepare
      const sweeps = hot<Sweep>('-a-b-|', { a: { tick: 0, outcome: snapshotAt(0) }, b: { tick: 1, outcome: failureAt(10) } });
      // Act
      const ids = sweeps.pipe(
        reduceSweeps(probeReducer, DEFAULT_MONITOR_CONFIG),
        map(({ tick, events }) => `${tick}:${events.map((e) => e.id).join()}`),
      );
      // Assess
      expectObservable(ids).toBe('-a-b-|', { a: '0:prod:snapshot@0', b: '1:prod:failure@10' });
      expectSubscriptions(sweeps.subscriptions).toBe('^----!');
    });
  });

  it('keeps one state per cluster key: the same name in two regions is two clusters', () => {
    newScheduler().run(({ cold, expectObservable }) => {
      // Prepare: prod in eu-west-1 and prod in us-east-1, interleaved; each first sweep is a start-up
      const sweeps = cold<Sweep>('abcd|', {
        a: { tick: 0, outcome: snapshotAt(0, PROD) },
        b: { tick: 0, outcome: snapshotAt(0, PROD_US) },
        c: { tick: 1, outcome: snapshotAt(10, PROD) },
        d: { tick: 1, outcome: snapshotAt(10, PROD_US) },
      });
      // Act
      const types = sweeps.pipe(
        reduceSweeps(reduce, DEFAULT_MONITOR_CONFIG),
        map(({ outcome, events }) => `${outcome.region}:${events.map((e) => e.type).join()}`),
      );
      // Assess: each region's prod gets its own MonitorStarted, and nothing after
      expectObservable(types).toBe('abcd|', {
        a: 'eu-west-1:MonitorStarted',
        b: 'us-east-1:MonitorStarted',
        c: 'eu-west-1:',
        d: 'us-east-1:',
      });
    });
  });

  it('keeps one state per account: prod in two accounts is two clusters, each event names its account', () => {
    newScheduler().run(({ cold, expectObservable }) => {
      // Prepare: the same cluster name and region in two accounts, interleaved
      const inA = { ...snapshotAt(0), account: 'payments' };
      const inB = { ...snapshotAt(0), account: 'search' };
      const sweeps = cold<Sweep>('abcd|', {
        a: { tick: 0, outcome: inA },
        b: { tick: 0, outcome: inB },
        c: { tick: 1, outcome: { ...inA, observedAt: 10 } },
        d: { tick: 1, outcome: { ...inB, observedAt: 10 } },
      });
      // Act
      const seen = sweeps.pipe(
        reduceSweeps(reduce, DEFAULT_MONITOR_CONFIG),
        map(({ events }) => events.map((e) => `${e.account ?? '-'}:${e.type}:${e.id.split('/')[0] ?? ''}`).join()),
      );
      // Assess: each account's prod gets its own MonitorStarted, with the account in the event and its id
      expectObservable(seen).toBe('abcd|', {
        a: 'payments:MonitorStarted:payments',
        b: 'search:MonitorStarted:search',
        c: '',
        d: '',
      });
    });
  });

  it('starts every subscription from a fresh state', () => {
    newScheduler().run(({ cold, expectObservable }) => {
      // Prepare
      const sweeps = cold<Sweep>('a|', { a: { tick: 0, outcome: snapshotAt(0) } });
      const reduced = sweeps.pipe(
        reduceSweeps(reduce, DEFAULT_MONITOR_CONFIG),
        map(({ events }) => events.map((e) => e.type).join()),
      );
      // Act + Assess: both subscriptions see the start-up
      expectObservable(reduced).toBe('a|', { a: 'MonitorStarted' });
      expectObservable(reduced).toBe('a|', { a: 'MonitorStarted' });
    });
  });
});
