import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { clusterKey, type Notification, type Sender } from '@mona-ecs/core';
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

function counting(fail = 0): Sender & { sent: number } {
  const sender = {
    sent: 0,
    async send() {
      if (fail > 0) {
        fail -= 1;
        throw new Error('HTTP 500');
      }
      sender.sent += 1;
    },
  };
  return sender;
}

describe('durableSender', () => {
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
});
