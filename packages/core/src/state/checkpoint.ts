import type { ClusterState, ServiceTrack } from '../reducer/state.js';
import { setOwn } from '../reducer/state.js';
import type { Checkpoint, JsonValue } from './types.js';

/** Layout version of checkpoints written by `toCheckpoint`. Bump it when `ClusterState` changes shape. */
export const CHECKPOINT_VERSION = 1;

/**
 * Splits a cluster's reducer state into a checkpoint: one entry per service, the rest in
 * `meta`, so a store can write only the services that changed since the last sweep.
 *
 * @example
 * await store.checkpoints.save(key, toCheckpoint(state, snapshot.observedAt));
 */
export function toCheckpoint(state: ClusterState, savedAt: number): Checkpoint {
  const { services, ...meta } = state;
  return {
    version: CHECKPOINT_VERSION,
    savedAt,
    meta: meta as unknown as JsonValue,
    entries: services as unknown as Record<string, JsonValue>,
  };
}

/**
 * The reducer state saved in a checkpoint, or `undefined` when it was written in a layout this
 * version does not know (the caller then takes a fresh baseline and says so).
 *
 * @example
 * const saved = await store.checkpoints.load(key);
 * const state = saved === undefined ? undefined : fromCheckpoint(saved);
 */
export function fromCheckpoint(checkpoint: Checkpoint): ClusterState | undefined {
  const meta = checkpoint.meta;
  if (checkpoint.version !== CHECKPOINT_VERSION || typeof meta !== 'object' || meta === null || Array.isArray(meta)) return undefined;
  const services: Record<string, ServiceTrack> = {};
  for (const [name, track] of Object.entries(checkpoint.entries)) setOwn(services, name, track as unknown as ServiceTrack);
  return { ...(meta as unknown as Omit<ClusterState, 'services'>), services };
}
