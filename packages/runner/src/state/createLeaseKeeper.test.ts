import { clusterKey, type ClusterRef } from '@mona-ecs/core';
import type { StateStore } from '@mona-ecs/core/state';
import { recordingLogger } from '@mona-ecs/core/testing';
import { createDynamoDbStore } from '@mona-ecs/state-dynamodb';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startDynalite, type LocalDynamo } from '../../test/e2e/support/startDynalite.js';
import { createLeaseKeeper, type LeaseKeeper } from './createLeaseKeeper.js';

const LEASE_MS = 10_000;
const clusters: ClusterRef[] = ['a', 'b', 'c'].map((cluster) => ({ cluster, region: 'eu-west-1' }));
const keys = clusters.map(clusterKey);

let dynamo: LocalDynamo;
let stores: StateStore[] = [];
let time = 1_000_000;
let table = 0;
const now = () => time;

beforeAll(async () => {
  dynamo = await startDynalite();
});
afterAll(async () => {
  await dynamo.close();
});
beforeEach(() => {
  table += 1;
  time = 1_000_000;
});
afterEach(async () => {
  await Promise.all(stores.map((s) => s.close()));
  stores = [];
});

/** A replica's lease keeper on this test's table, on the shared fake clock. */
async function replica(holder: string): Promise<LeaseKeeper> {
  const store = await createDynamoDbStore({
    table: `leases-${table}`,
    endpoint: dynamo.endpoint,
    region: 'us-east-1',
    createTable: true,
    now,
    clientConfig: { credentials: { accessKeyId: 'test', secretAccessKey: 'test' } },
  });
  stores.push(store);
  return createLeaseKeeper(store.leases, { holder, clusters, leaseMs: LEASE_MS, logger: recordingLogger(), now });
}

const heldKeys = (keeper: LeaseKeeper) => keeper.held().map(clusterKey);

describe('createLeaseKeeper on DynamoDB', () => {
  it('gives every cluster to exactly one of two replicas, at most a fair share each, once both have seen each other', async () => {
    // Prepare
    const a = await replica('replica-a');
    const b = await replica('replica-b');
    // Act: a starts alone and takes everything; b joins; a gives up its extra; b takes it.
    const first = await a.round();
    await b.round();
    time += 1_000;
    const second = await a.round();
    time += 1_000;
    await b.round();
    // Assess
    expect(first.gained.map(clusterKey)).toEqual(keys);
    expect(second.lost).toHaveLength(1);
    expect([...heldKeys(a), ...heldKeys(b)].sort()).toEqual([...keys].sort());
    expect(heldKeys(a).filter((k) => heldKeys(b).includes(k))).toEqual([]);
    expect(Math.max(heldKeys(a).length, heldKeys(b).length)).toBe(2);
    expect([a.replicas(), b.replicas()]).toEqual([2, 2]);
  });

  it("takes over a dead replica's clusters once its leases expired, not before", async () => {
    // Prepare
    const a = await replica('replica-a');
    const b = await replica('replica-b');
    await a.round();
    await b.round();
    // Act: a dies (no more rounds); b keeps going
    time += LEASE_MS - 1;
    const early = await b.round();
    time += 2;
    const late = await b.round();
    // Assess
    expect(early.gained).toEqual([]);
    expect(late.gained.map(clusterKey).sort()).toEqual([...keys].sort());
    expect(heldKeys(b)).toEqual(keys);
    expect(b.replicas()).toBe(1);
  });

  it('hands over at once when a replica releases its leases on shutdown', async () => {
    // Prepare
    const a = await replica('replica-a');
    const b = await replica('replica-b');
    await a.round();
    await b.round();
    // Act
    await a.releaseAll();
    const taken = await b.round();
    // Assess
    expect(taken.gained.map(clusterKey).sort()).toEqual([...keys].sort());
    expect(heldKeys(a)).toEqual([]);
  });

  it('reports a lease as lost when another replica took it after it expired, and stops watching it', async () => {
    // Prepare: a holds everything, then stalls past its lease while b takes over
    const a = await replica('replica-a');
    await a.round();
    time += LEASE_MS + 1;
    const b = await replica('replica-b');
    await b.round();
    // Act
    const back = await a.round();
    // Assess
    expect(back.lost.map(clusterKey).sort()).toEqual([...keys].sort());
    expect(keys.some((k) => a.holds(k))).toBe(false);
    expect(keys.every((k) => b.holds(k))).toBe(true);
  });

  it('stops watching before its lease expires when the store cannot be reached to renew it', async () => {
    // Prepare: a replica whose renewals fail (the store is unreachable)
    await replica('replica-a');
    const store = stores[0]!;
    const failing = createLeaseKeeper(
      {
        ...store.leases,
        renew: () => Promise.reject(new Error('connect ECONNREFUSED')),
      },
      { holder: 'replica-a', clusters, leaseMs: LEASE_MS, logger: recordingLogger(), now },
    );
    await failing.round();
    // Act
    time += LEASE_MS / 2;
    const watchingMidway = keys.every((k) => failing.holds(k));
    time += LEASE_MS / 2 - 500;
    const watchingAtTheEnd = keys.some((k) => failing.holds(k));
    // Assess
    expect(watchingMidway).toBe(true);
    expect(watchingAtTheEnd).toBe(false);
  });
});
