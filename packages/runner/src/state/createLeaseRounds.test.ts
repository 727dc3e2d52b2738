import { clusterKey, type ClusterRef } from '@mona-ecs/core';
import type { ClusterSnapshot, SweepOutcome } from '@mona-ecs/core/ecs';
import { recordingLogger } from '@mona-ecs/core/testing';
import { firstValueFrom, from, toArray } from 'rxjs';
import { afterEach, describe, expect, it } from 'vitest';
import type { LeaseChanges, LeaseKeeper } from './createLeaseKeeper.js';
import { createLeaseRounds, type LeaseRounds } from './createLeaseRounds.js';
import { leasedSource } from './leasedSource.js';

const a: ClusterRef = { cluster: 'a', region: 'r' };
const b: ClusterRef = { cluster: 'b', region: 'r' };
let rounds: LeaseRounds | undefined;
afterEach(async () => {
  await rounds?.stop();
});

/** A keeper whose rounds are scripted: each round runs `next()` and counts. */
function fakeKeeper(next: () => Promise<LeaseChanges>): LeaseKeeper & { rounds: number; mine: Set<string> } {
  const mine = new Set<string>();
  const keeper = {
    holder: 'replica-a',
    rounds: 0,
    mine,
    async round() {
      keeper.rounds += 1;
      const changes = await next();
      for (const ref of changes.gained) mine.add(clusterKey(ref));
      for (const ref of changes.lost) mine.delete(clusterKey(ref));
      return changes;
    },
    holds: (key: string) => mine.has(key),
    heldSince: () => undefined,
    held: () => [],
    replicas: () => 1,
    releaseAll: async () => mine.clear(),
  };
  return keeper;
}

const snapshot = (ref: ClusterRef): ClusterSnapshot & SweepOutcome => ({
  kind: 'snapshot',
  ...ref,
  observedAt: 1,
  services: [],
  missing: [],
});

/** Lease rounds every second with a minute of safety margin, silent, on the real clock; `overrides` change one option. */
function roundsOf(
  keeper: Parameters<typeof createLeaseRounds>[0],
  overrides: Partial<Parameters<typeof createLeaseRounds>[1]> = {},
): LeaseRounds {
  return createLeaseRounds(keeper, {
    everyMs: 1_000,
    safetyMs: 60_000,
    onChanges: async () => {},
    logger: recordingLogger(),
    now: Date.now,
    ...overrides,
  });
}

describe('createLeaseRounds and leasedSource', () => {
  it('sweeps a cluster gained in the round its tick started, and never one this replica does not hold', async () => {
    // Prepare
    const keeper = fakeKeeper(async () => ({ gained: [a], lost: [] }));
    const changes: LeaseChanges[] = [];
    rounds = roundsOf(keeper, { onChanges: async (c) => void changes.push(c) });
    const asked: string[] = [];
    const source = leasedSource({ sweep: async (ref) => (asked.push(ref.cluster), snapshot(ref)) }, keeper, rounds);
    const signal = new AbortController().signal;
    // Act: both clusters tick at once
    const [ofA, ofB] = await Promise.all([a, b].map((ref) => firstValueFrom(from(source.sweep(ref, 0, signal)).pipe(toArray()))));
    // Assess
    expect(ofA).toEqual([snapshot(a)]);
    expect(ofB).toEqual([]);
    expect(asked).toEqual(['a']);
    expect(keeper.rounds).toBe(1); // one round serves the ticks that arrive together
    expect(changes).toEqual([{ gained: [a], lost: [] }]);
  });

  it("passes a held cluster's sweep parts on as they land", async () => {
    // Prepare
    const keeper = fakeKeeper(async () => ({ gained: [a], lost: [] }));
    rounds = roundsOf(keeper);
    const part = { ...snapshot(a), interim: true };
    const source = leasedSource(
      {
        sweep: async (ref, _tick, _signal, onPart) => {
          onPart?.(part);
          return { ...snapshot(ref), streamed: true };
        },
      },
      keeper,
      rounds,
    );
    const parts: unknown[] = [];
    // Act
    const outcome = await firstValueFrom(from(source.sweep(a, 0, new AbortController().signal, (p) => parts.push(p))));
    // Assess
    expect(parts).toEqual([part]);
    expect(outcome).toMatchObject({ streamed: true });
  });

  it('logs a failed round and lets the sweeps go on with the leases still valid', async () => {
    // Prepare
    const keeper = fakeKeeper(() => Promise.reject(new Error('ProvisionedThroughputExceededException')));
    keeper.mine.add(clusterKey(a));
    const logger = recordingLogger();
    rounds = roundsOf(keeper, { logger });
    // Act
    await rounds.sync();
    // Assess
    expect(logger.entries.some((e) => e.msg?.startsWith('lease round failed'))).toBe(true);
    expect(keeper.holds(clusterKey(a))).toBe(true);
    expect(rounds.failingForMs()).toBeGreaterThanOrEqual(0);
  });

  it('waits at most one interval for a round that hangs, before a sweep and at shutdown', async () => {
    // Prepare: a store call that never answers
    const keeper = fakeKeeper(() => new Promise<LeaseChanges>(() => {}));
    rounds = roundsOf(keeper, { everyMs: 100 });
    // Act
    await rounds.sync();
    await rounds.stop();
    // Assess: both returned (a hang would time the test out)
    expect(keeper.rounds).toBe(1);
  });

  it('says for how long rounds have failed, and 0 once one succeeds', async () => {
    // Prepare
    let time = 1_000;
    let fail = true;
    const keeper = fakeKeeper(() =>
      fail ? Promise.reject(new Error('AccessDeniedException')) : Promise.resolve({ gained: [], lost: [] }),
    );
    rounds = roundsOf(keeper, { now: () => time });
    // Act
    time += 1_000;
    await rounds.sync();
    time += 4_000;
    const failing = rounds.failingForMs();
    fail = false;
    await rounds.sync();
    // Assess
    expect(failing).toBe(5_000);
    expect(rounds.failingForMs()).toBe(0);
  });

  it('renews on its own timer when no sweep asks', async () => {
    // Prepare
    const keeper = fakeKeeper(async () => ({ gained: [], lost: [] }));
    rounds = roundsOf(keeper, { safetyMs: 20 });
    // Act
    await new Promise((resolve) => setTimeout(resolve, 200));
    // Assess
    expect(keeper.rounds).toBeGreaterThanOrEqual(2);
  });

  it('describes the services an ECS event named only in a held cluster, and fails the others without an API call', async () => {
    // Prepare
    const keeper = fakeKeeper(async () => ({ gained: [a], lost: [] }));
    rounds = roundsOf(keeper);
    const asked: string[] = [];
    const source = leasedSource(
      {
        sweep: async (ref) => snapshot(ref),
        describe: async (ref, names) => (asked.push(`${ref.cluster}:${names.join(',')}`), snapshot(ref)),
      },
      keeper,
      rounds,
    );
    await firstValueFrom(from(source.sweep(a, 0, new AbortController().signal)).pipe(toArray())); // the round that gains a
    // Act
    const held = await source.describe?.(a, ['api']);
    const other = await source.describe?.(b, ['web']);
    // Assess
    expect(held).toEqual(snapshot(a));
    expect(other).toMatchObject({ kind: 'failure', cluster: 'b', error: { code: 'MONA_CLUSTER_NOT_HELD' } });
    expect(asked).toEqual(['a:api']);
  });
});
