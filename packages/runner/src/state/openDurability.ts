import { hostname } from 'node:os';
import { randomUUID } from 'node:crypto';
import type { Logger } from '@mona-ecs/core';
import type { StateStore, StateStoreError } from '@mona-ecs/core/state';
import type { ResolvedConfig } from '../config/types.js';
import type { DurableDispatch } from './durableDeliver.js';
import { createCheckpointer, type Checkpointer } from './createCheckpointer.js';
import type { Durability } from './durableSender.js';
import { openStateStore } from './openStateStore.js';
import { openReplication, type Replication } from './openReplication.js';

/** Everything `mona run` keeps in the state store, opened together and closed together. */
export interface DurableParts {
  store: StateStore;
  checkpointer: Checkpointer;
  durability: Durability;
  dispatch: DurableDispatch;
  /** With DynamoDB: the leases that split the clusters between replicas. Absent for the file store (one process). */
  replication?: Replication;
  /** Waits for checkpoint saves under way, then closes the store (releases the file lock). */
  close(): Promise<void>;
}

/** A claim holds at least this long: longer than any one send attempt. */
const MIN_HOLD_MS = 60_000;

/**
 * Opens the configured state store and the parts built on it, or `undefined` when state is off.
 * A file store has one process, so its holder is a constant: a restart after a crash resumes
 * its own claims at once. A DynamoDB replica gets a holder of its own (host, pid, random),
 * used for its ledger claims and its cluster leases (`replication`).
 *
 * @example
 * const durable = await openDurability(config, { logger, now: Date.now, onLost: fail });
 */
export async function openDurability(
  config: ResolvedConfig,
  parts: { logger: Logger; now: () => number; onLost: (error: StateStoreError) => void },
): Promise<DurableParts | undefined> {
  const { logger, now } = parts;
  const state = config.state;
  const store = await openStateStore(state, {
    logger,
    onLost: (error) => {
      logger.error({ err: error }, 'lost the state file lock: stopping');
      parts.onLost(error);
    },
  });
  if (store === undefined || state.kind === 'off') return undefined;
  const holder = state.kind === 'file' ? 'mona' : `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  let replication: Replication | undefined;
  const checkpointer = createCheckpointer(store, {
    logger,
    now,
    staleAfterMs: state.staleAfterSeconds * 1000,
    ...(state.kind === 'dynamodb' ? { mayWrite: (key: string) => replication?.keeper.holds(key) ?? false } : {}),
  });
  if (state.kind === 'dynamodb') {
    replication = openReplication({
      store,
      holder,
      clusters: config.clusters,
      leaseMs: state.leaseSeconds * 1000,
      checkIntervalMs: config.checkIntervalSeconds * 1000,
      checkpointer,
      logger,
      now,
    });
  }
  const holdMs = Math.max(MIN_HOLD_MS, 3 * (config.delivery.attemptTimeoutMs ?? 10_000));
  return {
    store,
    checkpointer,
    durability: { store, holder, holdMs, logger },
    dispatch: { store, checkpointer, now },
    ...(replication === undefined ? {} : { replication }),
    async close() {
      // Rounds stop first; the last checkpoints are saved while the leases are still held; then
      // the leases go back, so another replica resumes from those checkpoints at once.
      await replication?.stop();
      await checkpointer.flush();
      await replication?.release();
      await store.close();
    },
  };
}
