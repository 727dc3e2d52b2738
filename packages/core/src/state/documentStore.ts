import type { StateDocument } from './StateDocument.js';
import type { StateStore, ValueStore } from './types.js';

/** How long a delivered event id is remembered by default: a week of restarts and replays. */
export const DEFAULT_LEDGER_TTL_MS = 7 * 24 * 3_600_000;

export interface DocumentStoreOptions {
  document: StateDocument;
  description: string;
  now: () => number;
  ledgerTtlMs: number;
  /** Makes the document's changes durable; a mutation resolves only after it. */
  commit: () => Promise<void>;
  close: () => Promise<void>;
}

/**
 * A `StateStore` over one in-memory document: every change is applied to the document, then
 * committed (the file store writes the file; a memory store does nothing). One process owns the
 * document, so the conditional rules need no locking beyond JavaScript's single thread.
 *
 * @example
 * const store = documentStore({ document: new StateDocument(), description: 'memory', now: Date.now,
 *   ledgerTtlMs: DEFAULT_LEDGER_TTL_MS, commit: async () => {}, close: async () => {} });
 */
export function documentStore(options: DocumentStoreOptions): StateStore {
  const { document: doc, now, commit } = options;
  const change = async (apply: () => void): Promise<void> => {
    apply();
    await commit();
  };
  const values = (namespace: string): ValueStore => ({
    get: async (name) => doc.getValue(namespace, name, now()),
    set: (name, value, ttlMs) => change(() => doc.setValue(namespace, name, value, ttlMs === undefined ? undefined : now() + ttlMs)),
    delete: (name) => change(() => doc.deleteValue(namespace, name)),
  });
  let closed: Promise<void> | undefined;
  return {
    description: options.description,
    checkpoints: {
      load: async (cluster) => doc.loadCheckpoint(cluster),
      save: (cluster, checkpoint) => change(() => doc.saveCheckpoint(cluster, checkpoint)),
    },
    ledger: {
      async claim(cluster, sender, eventId, { holder, holdMs }) {
        const at = now();
        const result = doc.claim(cluster, sender, eventId, holder, at + holdMs, at);
        if (result === 'claimed') await commit();
        return result;
      },
      settle: (cluster, sender, eventId, { holder, outcome }) =>
        change(() => doc.settle(cluster, sender, eventId, holder, outcome === 'delivered' ? now() + options.ledgerTtlMs : undefined)),
    },
    outbox: {
      put: (cluster, entry) => change(() => doc.putOutbox(cluster, entry)),
      remove: (cluster, sender, id) => change(() => doc.removeOutbox(cluster, sender, id)),
      list: async (cluster) => doc.listOutbox(cluster),
    },
    leases: {
      async acquire(cluster, holder, ttlMs) {
        const at = now();
        const lease = doc.acquire(cluster, holder, at + ttlMs, at);
        if (lease !== undefined) await commit();
        return lease;
      },
      async renew(lease, ttlMs) {
        const at = now();
        const renewed = doc.renew(lease, at + ttlMs, at);
        if (renewed !== undefined) await commit();
        return renewed;
      },
      release: (lease) => change(() => doc.release(lease)),
      heartbeat: (holder, ttlMs) => change(() => doc.heartbeat(holder, now() + ttlMs)),
      members: async () => doc.liveMembers(now()),
      leave: (holder) => change(() => doc.leave(holder)),
    },
    values,
    close: () => (closed ??= options.close()),
  };
}
