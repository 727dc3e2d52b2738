import type { Notification } from '../model/notification.js';
import type { StateStore } from '../state/types.js';
import { sampleNotifications } from './sampleNotifications.js';

/** Vitest, when it is there (as in `senderConformance`): the rest of the testing kit loads without it. */
const vitest = await import('vitest').catch(() => undefined);

/** How the conformance suite opens a store under test. */
export interface StateStoreHarness {
  setup?(): Promise<void>;
  teardown?(): Promise<void>;
  /** Points the harness at a new, empty backing (a new file, a new table) before each test. */
  fresh(): Promise<void>;
  /** Opens a store on the current backing, with the suite's clock and ledger expiry. */
  open(options: { now: () => number; ledgerTtlMs: number }): Promise<StateStore>;
  /** True when two stores may be open on one backing at once (DynamoDB: replicas); the file store refuses a second. */
  shared: boolean;
}

const CLUSTER = 'prod@eu-west-1';
const LEDGER_TTL = 3_600_000;

function notification(id: string): Notification {
  return { ...sampleNotifications()[1]!, id };
}

/**
 * Register the state store contract's tests: call it at the top level of a Vitest file. Every
 * store (the file store, the DynamoDB store, a third party's) must pass it.
 *
 * @example
 * stateStoreConformance('file', { shared: false, fresh, open: (o) => createFileStore({ path, ...o }) });
 */
export function stateStoreConformance(name: string, harness: StateStoreHarness): void {
  if (vitest === undefined) throw new Error('stateStoreConformance registers Vitest tests: install vitest');
  const { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } = vitest;
  describe(`state store conformance: ${name}`, () => {
    let time = 1_700_000_000_000;
    const now = (): number => time;
    const opened: StateStore[] = [];
    const open = async (): Promise<StateStore> => {
      const store = await harness.open({ now, ledgerTtlMs: LEDGER_TTL });
      opened.push(store);
      return store;
    };
    const reopen = async (store: StateStore): Promise<StateStore> => {
      await store.close();
      return open();
    };
    beforeAll(async () => harness.setup?.());
    afterAll(async () => harness.teardown?.());
    beforeEach(async () => {
      time = 1_700_000_000_000;
      await harness.fresh();
    });
    afterEach(async () => {
      for (const store of opened.splice(0)) await store.close();
    });

    describe('checkpoints', () => {
      it('has no checkpoint for a cluster never saved', async () => {
        const store = await open();
        expect(await store.checkpoints.load(CLUSTER)).toBeUndefined();
      });
      it('gives back the last checkpoint saved, after a reopen, without entries that were removed', async () => {
        // Prepare
        let store = await open();
        const first = {
          version: 1,
          savedAt: time,
          meta: { started: true },
          entries: { api: { phase: 'steady' }, web: { phase: 'deploying' } },
        };
        await store.checkpoints.save(CLUSTER, first);
        const second = { version: 1, savedAt: time + 5_000, meta: { started: true, n: 2 }, entries: { api: { phase: 'scaling' } } };
        // Act
        await store.checkpoints.save(CLUSTER, second);
        store = await reopen(store);
        // Assess
        expect(await store.checkpoints.load(CLUSTER)).toEqual(second);
        expect(await store.checkpoints.load('other@eu-west-1')).toBeUndefined();
      });
      it('keeps a service named __proto__ as an ordinary entry', async () => {
        let store = await open();
        const entries = JSON.parse('{"__proto__": {"phase": "steady"}}') as Record<string, { phase: string }>;
        await store.checkpoints.save(CLUSTER, { version: 1, savedAt: time, meta: {}, entries });
        store = await reopen(store);
        const loaded = await store.checkpoints.load(CLUSTER);
        expect(Object.entries(loaded?.entries ?? {})).toEqual([['__proto__', { phase: 'steady' }]]);
      });
    });

    describe('ledger', () => {
      const hold = (holder: string): { holder: string; holdMs: number } => ({ holder, holdMs: 60_000 });
      it('lets one holder claim an event; another sees it held, the same holder may claim again', async () => {
        const store = await open();
        expect(await store.ledger.claim(CLUSTER, 'slack', 'e1', hold('a'))).toBe('claimed');
        expect(await store.ledger.claim(CLUSTER, 'slack', 'e1', hold('b'))).toBe('held');
        expect(await store.ledger.claim(CLUSTER, 'slack', 'e1', hold('a'))).toBe('claimed');
        expect(await store.ledger.claim(CLUSTER, 'email', 'e1', hold('b'))).toBe('claimed');
      });
      it('never lets a delivered event be claimed again, across a reopen, until the ledger forgets it', async () => {
        let store = await open();
        await store.ledger.claim(CLUSTER, 'slack', 'e1', hold('a'));
        await store.ledger.settle(CLUSTER, 'slack', 'e1', { holder: 'a', outcome: 'delivered' });
        store = await reopen(store);
        expect(await store.ledger.claim(CLUSTER, 'slack', 'e1', hold('a'))).toBe('delivered');
        expect(await store.ledger.claim(CLUSTER, 'slack', 'e1', hold('b'))).toBe('delivered');
        time += LEDGER_TTL + 1;
        expect(await store.ledger.claim(CLUSTER, 'slack', 'e1', hold('b'))).toBe('claimed');
      });
      it('frees a released claim at once, and an abandoned one once its hold expired', async () => {
        const store = await open();
        await store.ledger.claim(CLUSTER, 'slack', 'released', hold('a'));
        await store.ledger.settle(CLUSTER, 'slack', 'released', { holder: 'a', outcome: 'released' });
        expect(await store.ledger.claim(CLUSTER, 'slack', 'released', hold('b'))).toBe('claimed');
        await store.ledger.claim(CLUSTER, 'slack', 'abandoned', hold('a'));
        time += 60_001;
        expect(await store.ledger.claim(CLUSTER, 'slack', 'abandoned', hold('b'))).toBe('claimed');
      });
      it('ignores a settlement from a holder whose claim was taken over', async () => {
        const store = await open();
        await store.ledger.claim(CLUSTER, 'slack', 'e1', hold('a'));
        time += 60_001;
        await store.ledger.claim(CLUSTER, 'slack', 'e1', hold('b'));
        await store.ledger.settle(CLUSTER, 'slack', 'e1', { holder: 'a', outcome: 'released' });
        expect(await store.ledger.claim(CLUSTER, 'slack', 'e1', hold('c'))).toBe('held');
      });
      it('gives a contested event to exactly one of many concurrent claimants', async () => {
        const stores = harness.shared ? [await open(), await open(), await open()] : [await open()];
        const results = await Promise.all(
          Array.from({ length: 6 }, (_, i) => stores[i % stores.length]!.ledger.claim(CLUSTER, 'slack', 'race', hold(`h${i}`))),
        );
        expect(results.filter((r) => r === 'claimed')).toHaveLength(1);
        expect(results.filter((r) => r === 'held')).toHaveLength(5);
      });
    });

    describe('outbox', () => {
      it('lists what was put, oldest first, per cluster, after a reopen, until removed', async () => {
        let store = await open();
        await store.outbox.put(CLUSTER, { sender: 'slack', notification: notification('n2'), acceptedAt: time + 2 });
        await store.outbox.put(CLUSTER, { sender: 'slack', notification: notification('n1'), acceptedAt: time + 1 });
        await store.outbox.put(CLUSTER, { sender: 'email', notification: notification('n1'), acceptedAt: time + 3 });
        await store.outbox.put('other@eu-west-1', { sender: 'slack', notification: notification('n9'), acceptedAt: time });
        store = await reopen(store);
        const listed = await store.outbox.list(CLUSTER);
        expect(listed.map((e) => `${e.sender}:${e.notification.id}`)).toEqual(['slack:n1', 'slack:n2', 'email:n1']);
        expect(listed[0]?.notification).toEqual(notification('n1'));
        await store.outbox.remove(CLUSTER, 'slack', 'n1');
        expect((await store.outbox.list(CLUSTER)).map((e) => `${e.sender}:${e.notification.id}`)).toEqual(['slack:n2', 'email:n1']);
      });
      it('replaces an entry put twice for the same sender and notification', async () => {
        const store = await open();
        await store.outbox.put(CLUSTER, { sender: 'slack', notification: notification('n1'), acceptedAt: time });
        await store.outbox.put(CLUSTER, { sender: 'slack', notification: notification('n1'), acceptedAt: time + 1 });
        expect(await store.outbox.list(CLUSTER)).toHaveLength(1);
      });
    });

    describe('sender values', () => {
      it('keeps values per namespace across a reopen, forgets them after their ttl and on delete', async () => {
        let store = await open();
        await store.values('slack').set('prod/api/d1', { channel: 'C1', ts: '1.2' });
        await store.values('slack').set('prod/api/d2', 'short', 1_000);
        await store.values('slack').set('gone', 1);
        await store.values('slack').delete('gone');
        store = await reopen(store);
        expect(await store.values('slack').get('prod/api/d1')).toEqual({ channel: 'C1', ts: '1.2' });
        expect(await store.values('other').get('prod/api/d1')).toBeUndefined();
        expect(await store.values('slack').get('prod/api/d2')).toBe('short');
        expect(await store.values('slack').get('gone')).toBeUndefined();
        time += 1_001;
        expect(await store.values('slack').get('prod/api/d2')).toBeUndefined();
      });
    });

    describe('leases', () => {
      it('gives a free lease to one holder, renews it, and hands it over only when it expired', async () => {
        const store = await open();
        const lease = await store.leases.acquire(CLUSTER, 'a', 10_000);
        expect(lease).toEqual({ cluster: CLUSTER, holder: 'a', expiresAt: time + 10_000 });
        expect(await store.leases.acquire(CLUSTER, 'b', 10_000)).toBeUndefined();
        time += 5_000;
        const renewed = await store.leases.renew(lease!, 10_000);
        expect(renewed?.expiresAt).toBe(time + 10_000);
        time += 9_000;
        expect(await store.leases.acquire(CLUSTER, 'b', 10_000)).toBeUndefined();
        time += 1_001;
        expect(await store.leases.acquire(CLUSTER, 'b', 10_000)).toMatchObject({ holder: 'b' });
        expect(await store.leases.renew(renewed!, 10_000)).toBeUndefined();
      });
      it('frees a released lease at once; a release by a former holder changes nothing', async () => {
        const store = await open();
        const lease = await store.leases.acquire(CLUSTER, 'a', 10_000);
        await store.leases.release(lease!);
        const taken = await store.leases.acquire(CLUSTER, 'b', 10_000);
        expect(taken).toMatchObject({ holder: 'b' });
        await store.leases.release(lease!);
        expect(await store.leases.acquire(CLUSTER, 'c', 10_000)).toBeUndefined();
      });
      it('gives a contested lease to exactly one of many concurrent replicas', async () => {
        const stores = harness.shared ? [await open(), await open(), await open()] : [await open()];
        const results = await Promise.all(
          Array.from({ length: 6 }, (_, i) => stores[i % stores.length]!.leases.acquire(CLUSTER, `r${i}`, 10_000)),
        );
        expect(results.filter((r) => r !== undefined)).toHaveLength(1);
      });
      it('lists live members until their heartbeat expires or they leave', async () => {
        const store = await open();
        await store.leases.heartbeat('b', 10_000);
        await store.leases.heartbeat('a', 10_000);
        await store.leases.heartbeat('c', 1_000);
        expect(await store.leases.members()).toEqual(['a', 'b', 'c']);
        time += 1_001;
        await store.leases.leave('b');
        expect(await store.leases.members()).toEqual(['a']);
      });
    });
  });
}
