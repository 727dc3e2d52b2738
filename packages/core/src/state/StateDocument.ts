import type { Checkpoint, ClaimResult, JsonValue, Lease, OutboxEntry } from './types.js';

/** What the state file holds: arrays of records, so no name from AWS can collide with `__proto__`. */
export interface StateFileData {
  format: typeof STATE_FORMAT;
  version: typeof STATE_VERSION;
  checkpoints: { cluster: string; checkpoint: Checkpoint }[];
  ledger: LedgerRecord[];
  outbox: { cluster: string; entry: OutboxEntry }[];
  values: { namespace: string; key: string; value: JsonValue; expiresAt?: number }[];
  leases: Lease[];
  members: { holder: string; expiresAt: number }[];
}

/** One ledger line: `claimed` until `expiresAt` by `holder`, or `delivered` (kept until `expiresAt`). */
export interface LedgerRecord {
  cluster: string;
  sender: string;
  eventId: string;
  state: 'claimed' | 'delivered';
  holder: string;
  expiresAt: number;
}

export const STATE_FORMAT = 'mona-state';
export const STATE_VERSION = 1;

type ValueRecord = StateFileData['values'][number];

const key = (...parts: string[]): string => parts.join('\u0000');

/**
 * The whole state of a file store in memory, with the store's rules (claims, leases, expiry)
 * applied to it. Times are passed in, so the rules are pure and tested in isolation.
 */
export class StateDocument {
  private readonly checkpoints = new Map<string, Checkpoint>();
  private readonly ledger = new Map<string, LedgerRecord>();
  private readonly outbox = new Map<string, { cluster: string; entry: OutboxEntry }>();
  private readonly values = new Map<string, ValueRecord>();
  private readonly leases = new Map<string, Lease>();
  private readonly members = new Map<string, number>();

  /** Rebuilds a document from validated file data. */
  static from(data: StateFileData): StateDocument {
    const doc = new StateDocument();
    for (const { cluster, checkpoint } of data.checkpoints) doc.checkpoints.set(cluster, checkpoint);
    for (const record of data.ledger) doc.ledger.set(key(record.cluster, record.sender, record.eventId), record);
    for (const item of data.outbox) doc.outbox.set(key(item.cluster, item.entry.sender, item.entry.notification.id), item);
    for (const record of data.values) doc.values.set(key(record.namespace, record.key), record);
    for (const lease of data.leases) doc.leases.set(lease.cluster, lease);
    for (const member of data.members) doc.members.set(member.holder, member.expiresAt);
    return doc;
  }

  /** The file data, without what expired before `now` (this is what bounds the file's growth). */
  toData(now: number): StateFileData {
    const live = <T extends { expiresAt?: number }>(items: Iterable<T>): T[] =>
      [...items].filter((item) => item.expiresAt === undefined || item.expiresAt > now);
    return {
      format: STATE_FORMAT,
      version: STATE_VERSION,
      checkpoints: [...this.checkpoints].map(([cluster, checkpoint]) => ({ cluster, checkpoint })),
      ledger: live(this.ledger.values()),
      outbox: [...this.outbox.values()],
      values: live(this.values.values()),
      leases: live(this.leases.values()),
      members: live([...this.members].map(([holder, expiresAt]) => ({ holder, expiresAt }))),
    };
  }

  loadCheckpoint(cluster: string): Checkpoint | undefined {
    return this.checkpoints.get(cluster);
  }

  saveCheckpoint(cluster: string, checkpoint: Checkpoint): void {
    this.checkpoints.set(cluster, checkpoint);
  }

  claim(cluster: string, sender: string, eventId: string, holder: string, until: number, now: number): ClaimResult {
    const id = key(cluster, sender, eventId);
    const record = this.ledger.get(id);
    if (record !== undefined && record.expiresAt > now) {
      if (record.state === 'delivered') return 'delivered';
      if (record.holder !== holder) return 'held';
    }
    this.ledger.set(id, { cluster, sender, eventId, state: 'claimed', holder, expiresAt: until });
    return 'claimed';
  }

  /** Settles a claim; a record that is not `holder`'s is left alone (its holder settles it). */
  settle(cluster: string, sender: string, eventId: string, holder: string, delivered: number | undefined): void {
    const id = key(cluster, sender, eventId);
    const record = this.ledger.get(id);
    if (record !== undefined && record.holder !== holder) return;
    if (delivered === undefined) this.ledger.delete(id);
    else this.ledger.set(id, { cluster, sender, eventId, state: 'delivered', holder, expiresAt: delivered });
  }

  putOutbox(cluster: string, entry: OutboxEntry): void {
    this.outbox.set(key(cluster, entry.sender, entry.notification.id), { cluster, entry });
  }

  removeOutbox(cluster: string, sender: string, notificationId: string): void {
    this.outbox.delete(key(cluster, sender, notificationId));
  }

  listOutbox(cluster: string): OutboxEntry[] {
    return [...this.outbox.values()]
      .filter((item) => item.cluster === cluster)
      .map((item) => item.entry)
      .sort((a, b) => a.acceptedAt - b.acceptedAt);
  }

  getValue(namespace: string, name: string, now: number): JsonValue | undefined {
    const record = this.values.get(key(namespace, name));
    return record === undefined || (record.expiresAt !== undefined && record.expiresAt <= now) ? undefined : record.value;
  }

  setValue(namespace: string, name: string, value: JsonValue, expiresAt: number | undefined): void {
    this.values.set(key(namespace, name), { namespace, key: name, value, ...(expiresAt === undefined ? {} : { expiresAt }) });
  }

  deleteValue(namespace: string, name: string): void {
    this.values.delete(key(namespace, name));
  }

  acquire(cluster: string, holder: string, expiresAt: number, now: number): Lease | undefined {
    const current = this.leases.get(cluster);
    if (current !== undefined && current.holder !== holder && current.expiresAt > now) return undefined;
    const lease = { cluster, holder, expiresAt };
    this.leases.set(cluster, lease);
    return lease;
  }

  renew(lease: Lease, expiresAt: number, now: number): Lease | undefined {
    const current = this.leases.get(lease.cluster);
    if (current === undefined || current.holder !== lease.holder) return undefined;
    // An expired lease nobody took is still ours: renewing it is the same as taking it again.
    return this.acquire(lease.cluster, lease.holder, expiresAt, now);
  }

  release(lease: Lease): void {
    if (this.leases.get(lease.cluster)?.holder === lease.holder) this.leases.delete(lease.cluster);
  }

  heartbeat(holder: string, expiresAt: number): void {
    this.members.set(holder, expiresAt);
  }

  leave(holder: string): void {
    this.members.delete(holder);
  }

  liveMembers(now: number): string[] {
    return [...this.members]
      .filter(([, expiresAt]) => expiresAt > now)
      .map(([holder]) => holder)
      .sort();
  }
}
