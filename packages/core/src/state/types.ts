/**
 * The state store contract: what Mona keeps so that a restart, a crash or a second replica
 * neither loses nor repeats a notification. Everything is keyed by a cluster key (e.g.
 * `prod@eu-west-1`), except sender values (per sender) and replica membership (per store).
 *
 * Two implementations: the file store in core (`createFileStore`, the default) and the
 * DynamoDB store in `@mona-ecs/state-dynamodb`. Both pass `stateStoreConformance` from
 * `@mona-ecs/core/testing`. Times are epoch milliseconds from the store's clock.
 */
import type { Notification } from '../model/notification.js';

/** Any JSON value: what a checkpoint, an outbox entry or a sender value may hold. */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/**
 * The reducer's state of one cluster, split so a store can write only what changed: `entries`
 * (one per service) and `meta` (the rest). `toCheckpoint`/`fromCheckpoint` convert it.
 */
export interface Checkpoint {
  /** Layout version of `meta`/`entries`; `fromCheckpoint` refuses versions it does not know. */
  version: number;
  /** When the sweep behind this checkpoint was observed: how old the saved state is. */
  savedAt: number;
  meta: JsonValue;
  entries: Record<string, JsonValue>;
}

/** Saving and loading the reducer's state, once per sweep. */
export interface CheckpointStore {
  load(cluster: string): Promise<Checkpoint | undefined>;
  /** Replaces the cluster's checkpoint. Stores may write only the entries that changed. */
  save(cluster: string, checkpoint: Checkpoint): Promise<void>;
}

/**
 * The answer to a claim: `claimed` (yours: send it), `delivered` (already sent: skip it) or
 * `held` (another holder is sending it right now: leave it to them).
 */
export type ClaimResult = 'claimed' | 'delivered' | 'held';

/**
 * The ledger of delivered event ids, per sender. A send is claimed first (a conditional write
 * that only one holder wins, valid for `holdMs`), then settled: `delivered` (kept until the
 * ledger's expiry, so the id is never sent again) or `released` (not sent: may be claimed again).
 * A holder that dies between claim and settle blocks the id for `holdMs`; after that another
 * holder may claim it and send it again: that is the one duplicate a crash mid-send can cause.
 */
export interface Ledger {
  claim(cluster: string, sender: string, eventId: string, claim: { holder: string; holdMs: number }): Promise<ClaimResult>;
  settle(
    cluster: string,
    sender: string,
    eventId: string,
    settlement: { holder: string; outcome: 'delivered' | 'released' },
  ): Promise<void>;
}

/** A notification accepted for a sender and not yet delivered or dropped. */
export interface OutboxEntry {
  sender: string;
  notification: Notification;
  acceptedAt: number;
}

/** Notifications accepted but not yet delivered: what a restart must still send. */
export interface Outbox {
  /** Records an entry (replacing one with the same sender and notification id). */
  put(cluster: string, entry: OutboxEntry): Promise<void>;
  remove(cluster: string, sender: string, notificationId: string): Promise<void>;
  /** The cluster's entries, oldest first. */
  list(cluster: string): Promise<OutboxEntry[]>;
}

/**
 * A small key/value space that outlives the process, one per sender instance (e.g. the Slack
 * bot sender's thread parent per deployment). Offered to senders as `SenderContext.values`.
 *
 * @example
 * await context.values?.set('prod/api/ecs-svc/1', { channel: 'C1', ts: '1.2' }, 30 * 86_400_000);
 * const parent = await context.values?.get('prod/api/ecs-svc/1');
 */
export interface ValueStore {
  get(key: string): Promise<JsonValue | undefined>;
  /** Stores `value`; with `ttlMs` it is forgotten after that long. */
  set(key: string, value: JsonValue, ttlMs?: number): Promise<void>;
  delete(key: string): Promise<void>;
}

/** One holder's right to watch a cluster, until `expiresAt` unless renewed. */
export interface Lease {
  cluster: string;
  holder: string;
  expiresAt: number;
}

/**
 * Leases (one per cluster: who watches it) and membership (which replicas are alive, to size a
 * fair share). Every change is conditional: only the holder renews or releases its lease, and a
 * lease is taken over only once it expired.
 */
export interface Leases {
  /** Takes the cluster's lease if it is free, expired or already `holder`'s; else `undefined`. */
  acquire(cluster: string, holder: string, ttlMs: number): Promise<Lease | undefined>;
  /** Extends a lease still held; `undefined` when it was lost (expired and taken by another). */
  renew(lease: Lease, ttlMs: number): Promise<Lease | undefined>;
  /** Gives the lease up (only if still held), so another replica takes over at once. */
  release(lease: Lease): Promise<void>;
  /** Says `holder` is alive for `ttlMs`. */
  heartbeat(holder: string, ttlMs: number): Promise<void>;
  /** The holders whose heartbeat has not expired, sorted. */
  members(): Promise<string[]>;
  /** Removes `holder` from the members (on a clean shutdown). */
  leave(holder: string): Promise<void>;
}

/**
 * A state store. Open one with `createFileStore` (core) or `createDynamoDbStore`
 * (`@mona-ecs/state-dynamodb`); close it on shutdown (flushes and releases locks).
 *
 * @example
 * const store = await createFileStore({ path: '/var/lib/mona/state.json' });
 * const saved = await store.checkpoints.load('prod@eu-west-1');
 * if ((await store.ledger.claim('prod@eu-west-1', 'slack', id, { holder, holdMs: 60_000 })) === 'claimed') {
 *   await sender.send(notification, signal);
 *   await store.ledger.settle('prod@eu-west-1', 'slack', id, { holder, outcome: 'delivered' });
 * }
 * await store.close();
 */
export interface StateStore {
  /** Where the state lives, for logs and errors: `file /var/lib/mona/state.json`. */
  readonly description: string;
  readonly checkpoints: CheckpointStore;
  readonly ledger: Ledger;
  readonly outbox: Outbox;
  readonly leases: Leases;
  /** The value space of one sender instance. */
  values(namespace: string): ValueStore;
  /** Flushes pending writes and releases what the store holds (the file lock). Idempotent. */
  close(): Promise<void>;
}
