import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { clusterKey, type Notification, type Sender } from '@mona-ecs/core';
import { groupNotifications } from '@mona-ecs/core/sender';
import { createFileStore, type StateStore } from '@mona-ecs/core/state';
import { recordingLogger, sampleNotifications } from '@mona-ecs/core/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { durableSender } from './durableSender.js';

let dir = '';
let store: StateStore;
const notification: Notification = sampleNotifications()[1]!;
const cluster = clusterKey(notification.event);
const signal = new AbortController().signal;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mona-durable-'));
  store = await createFileStore({ path: join(dir, 'state.json') });
});
afterEach(async () => {
  await store.close();
  await rm(dir, { recursive: true, force: true });
});

function counting(fail = 0): Sender & { sent: number; messages: Notification[] } {
  const sender = {
    sent: 0,
    messages: [] as Notification[],
    async send(message: Notification) {
      if (fail > 0) {
        fail -= 1;
        throw new Error('HTTP 500');
      }
      sender.sent += 1;
      sender.messages.push(message);
    },
  };
  return sender;
}

/** `n` "deployment started" notifications of one cluster, grouped as the queue does. */
function startedGroup(n: number): { group: Notification; members: Notification[] } {
  const started = sampleNotifications().find((s) => s.event.type === 'DeploymentStarted')!;
  const members = Array.from({ length: n }, (_, i) => ({ ...started, id: `${started.id}:${i}`, text: `started ${i}` }));
  return { group: groupNotifications(members, n)[0]!, members };
}

async function deliveredIds(ids: string[]): Promise<string[]> {
  const answers = await Promise.all(ids.map((id) => store.ledger.claim(cluster, 'slack', id, { holder: 'probe', holdMs: 1 })));
  return ids.filter((_, i) => answers[i] === 'delivered');
}

describe('durableSender', () => {
  it("claims a group's members at once, so the file store commits them together instead of one fsync each", async () => {
    // Prepare
    const { group, members } = startedGroup(50);
    let inFlight = 0;
    let most = 0;
    const claim = store.ledger.claim.bind(store.ledger);
    const probed = {
      ...store,
      ledger: {
        ...store.ledger,
        claim: async (...args: Parameters<typeof claim>) => {
          inFlight += 1;
          most = Math.max(most, inFlight);
          try {
            return await claim(...args);
          } finally {
            inFlight -= 1;
          }
        },
      },
    };
    const inner = counting();
    const sender = durableSender(inner, 'slack', { store: probed, holder: 'a', holdMs: 60_000, logger: recordingLogger() });
    // Act
    await sender.send(group, signal);
    // Assess
    expect(most).toBe(members.length);
    expect(inner.sent).toBe(1);
    expect(await deliveredIds(members.map((m) => m.id))).toHaveLength(50);
  });

  it("keeps the inner sender's pace, so its queue still paces and groups a backlog", () => {
    // Prepare
    const inner = Object.assign(counting(), { pace: { messagesPerSecond: 1, burst: 2 } });
    // Act
    const sender = durableSender(inner, 'slack', { store, holder: 'a', holdMs: 60_000, logger: recordingLogger() });
    // Assess
    expect(sender.pace).toEqual({ messagesPerSecond: 1, burst: 2 });
    expect('pace' in durableSender(counting(), 'slack', { store, holder: 'a', holdMs: 60_000, logger: recordingLogger() })).toBe(false);
  });

  it('sends a notification once: a second send of the same id is skipped and its outbox entry cleared', async () => {
    // Prepare
    const inner = counting();
    const sender = durableSender(inner, 'slack', { store, holder: 'a', holdMs: 60_000, logger: recordingLogger() });
    await store.outbox.put(cluster, { sender: 'slack', notification, acceptedAt: 1 });
    // Act
    await sender.send(notification, signal);
    await store.outbox.put(cluster, { sender: 'slack', notification, acceptedAt: 2 });
    await sender.send(notification, signal);
    // Assess
    expect(inner.sent).toBe(1);
    expect(await store.outbox.list(cluster)).toEqual([]);
  });

  it('keeps its claim through a failed attempt, so the retry sends it', async () => {
    const inner = counting(1);
    const sender = durableSender(inner, 'slack', { store, holder: 'a', holdMs: 60_000, logger: recordingLogger() });
    await expect(sender.send(notification, signal)).rejects.toThrow('HTTP 500');
    await sender.send(notification, signal);
    expect(inner.sent).toBe(1);
  });

  it('leaves a notification another replica is sending to it, with a retryable error', async () => {
    // Prepare
    await store.ledger.claim(cluster, 'slack', notification.id, { holder: 'other', holdMs: 60_000 });
    const inner = counting();
    const sender = durableSender(inner, 'slack', { store, holder: 'a', holdMs: 60_000, logger: recordingLogger() });
    // Act
    const error = await sender.send(notification, signal).catch((e: unknown) => e);
    // Assess
    expect(error).toMatchObject({ code: 'MONA_SEND_HELD', retryable: true });
    expect(inner.sent).toBe(0);
  });

  it('sends a group once per member: each member is settled delivered and cleared from the outbox', async () => {
    // Prepare
    const { group, members } = startedGroup(2);
    const inner = counting();
    const sender = durableSender(inner, 'slack', { store, holder: 'a', holdMs: 60_000, logger: recordingLogger() });
    for (const member of members) await store.outbox.put(cluster, { sender: 'slack', notification: member, acceptedAt: 1 });
    // Act
    await sender.send(group, signal);
    await sender.send(group, signal);
    // Assess
    expect(inner.messages.map((m) => m.id)).toEqual([group.id]);
    expect(await deliveredIds(members.map((m) => m.id))).toEqual(members.map((m) => m.id));
    expect(await store.outbox.list(cluster)).toEqual([]);
  });

  it('leaves out the members of a group already delivered: the one left is sent as itself', async () => {
    // Prepare
    const { group, members } = startedGroup(2);
    const [done, left] = members as [Notification, Notification];
    await store.ledger.claim(cluster, 'slack', done.id, { holder: 'earlier', holdMs: 60_000 });
    await store.ledger.settle(cluster, 'slack', done.id, { holder: 'earlier', outcome: 'delivered' });
    const inner = counting();
    const sender = durableSender(inner, 'slack', { store, holder: 'a', holdMs: 60_000, logger: recordingLogger() });
    // Act
    await sender.send(group, signal);
    // Assess
    expect(inner.messages).toEqual([left]);
    expect(await deliveredIds([done.id, left.id])).toEqual([done.id, left.id]);
  });

  it('rebuilds a group from the members not yet delivered, under the id of those members', async () => {
    // Prepare
    const { group, members } = startedGroup(3);
    await store.ledger.claim(cluster, 'slack', members[0]!.id, { holder: 'earlier', holdMs: 60_000 });
    await store.ledger.settle(cluster, 'slack', members[0]!.id, { holder: 'earlier', outcome: 'delivered' });
    const inner = counting();
    const sender = durableSender(inner, 'slack', { store, holder: 'a', holdMs: 60_000, logger: recordingLogger() });
    // Act
    await sender.send(group, signal);
    // Assess
    const [sent] = inner.messages;
    expect(sent?.group?.members).toEqual(members.slice(1));
    expect(sent?.id).toBe(groupNotifications(members.slice(1), 2)[0]!.id);
    expect(sent?.id).not.toBe(group.id);
    expect(sent?.text).not.toContain('started 0');
  });

  it('sends nothing when every member of a group was delivered', async () => {
    // Prepare
    const { group, members } = startedGroup(2);
    for (const member of members) {
      await store.ledger.claim(cluster, 'slack', member.id, { holder: 'earlier', holdMs: 60_000 });
      await store.ledger.settle(cluster, 'slack', member.id, { holder: 'earlier', outcome: 'delivered' });
      await store.outbox.put(cluster, { sender: 'slack', notification: member, acceptedAt: 1 });
    }
    const inner = counting();
    const sender = durableSender(inner, 'slack', { store, holder: 'a', holdMs: 60_000, logger: recordingLogger() });
    // Act
    await sender.send(group, signal);
    // Assess
    expect(inner.sent).toBe(0);
    expect(await store.outbox.list(cluster)).toEqual([]);
  });

  it('gives back its claims on a group when another replica holds one member', async () => {
    // Prepare
    const { group, members } = startedGroup(2);
    await store.ledger.claim(cluster, 'slack', members[1]!.id, { holder: 'other', holdMs: 60_000 });
    const inner = counting();
    const sender = durableSender(inner, 'slack', { store, holder: 'a', holdMs: 60_000, logger: recordingLogger() });
    // Act
    const error = await sender.send(group, signal).catch((e: unknown) => e);
    // Assess
    expect(error).toMatchObject({ code: 'MONA_SEND_HELD', retryable: true });
    expect(inner.sent).toBe(0);
    expect(await store.ledger.claim(cluster, 'slack', members[0]!.id, { holder: 'third', holdMs: 60_000 })).toBe('claimed');
  });
});
