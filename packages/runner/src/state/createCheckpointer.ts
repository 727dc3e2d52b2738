import { clusterKey, type ClusterRef, type Logger, type MonitorEvent } from '@mona-ecs/core';
import type { ClusterState, Reducer } from '@mona-ecs/core/pipeline';
import { fromCheckpoint, toCheckpoint, type StateStore } from '@mona-ecs/core/state';

/** One reduced sweep waiting for its events to reach the outbox before it is checkpointed. */
interface PendingSweep {
  state: ClusterState;
  observedAt: number;
  waiting: Map<string, number>;
  /** A part of a sweep (an `interim` snapshot): its events are waited for, its state not saved. */
  part: boolean;
}

interface ClusterLog {
  pending: PendingSweep[];
  saving: Promise<void>;
  /** The newest sweep whose events are all in the outbox, not yet saved. */
  ready?: PendingSweep | undefined;
}

/**
 * Checkpoints the reducer's state and resumes from it, so a restart catches up instead of
 * starting a fresh baseline:
 * - `resume` loads each cluster's saved state (a stale one, older than `staleAfterMs`, is
 *   logged once and ignored);
 * - `reducer(reduce)` starts each cluster from its saved state, records which events the first
 *   sweep after resuming produced (`isCatchUp`: they happened while Mona was not running), and
 *   holds each sweep's state until its events were `accepted` (in the outbox);
 * - a sweep is saved once all its events, and those of earlier sweeps, are accepted: a crash
 *   before that re-derives the same events (same ids) from the older checkpoint, and the ledger
 *   keeps them from being sent twice. So nothing is lost between the reducer and the outbox.
 *   The parts of a sweep (`interim` snapshots, one per DescribeServices batch) are waited for
 *   but not saved on their own: one save per whole sweep, not one per batch.
 *
 * The reducer stays pure; this wrapper is the runner's impure edge around it.
 *
 * @example
 * const checkpointer = createCheckpointer(store, { logger, now: Date.now, staleAfterMs: 3_600_000 });
 * await checkpointer.resume(config.clusters);
 * monitorClusters({ ...options, reducer: checkpointer.reducer(reduce) });
 */
export function createCheckpointer(
  store: StateStore,
  options: {
    logger: Logger;
    now: () => number;
    staleAfterMs: number;
    /** With replicas: whether this one still holds the cluster's lease (else its saves are skipped). */
    mayWrite?: (key: string) => boolean;
  },
) {
  const { logger } = options;
  const resumed = new Map<string, ClusterState>();
  const catchingUp = new Set<string>();
  const catchUpIds = new Set<string>();
  const logs = new Map<string, ClusterLog>();
  /** Clusters taken over: their next sweep starts from `resumed` (or a fresh baseline). */
  const restart = new Set<string>();

  const logOf = (key: string): ClusterLog => {
    let log = logs.get(key);
    if (log === undefined) logs.set(key, (log = { pending: [], saving: Promise.resolve() }));
    return log;
  };

  const settle = (key: string, log: ClusterLog): void => {
    while (log.pending[0] !== undefined && log.pending[0].waiting.size === 0) {
      const done = log.pending.shift()!;
      if (!done.part) log.ready = done;
    }
    if (log.ready === undefined) return;
    log.saving = log.saving.then(async () => {
      const sweep = log.ready;
      if (sweep === undefined) return; // a later save already wrote a newer state
      log.ready = undefined;
      // A replica that lost the lease must not overwrite what the new holder saves.
      if (logs.get(key) !== log || options.mayWrite?.(key) === false) return;
      try {
        await store.checkpoints.save(key, toCheckpoint(sweep.state, sweep.observedAt));
      } catch (error) {
        logger.error({ err: error, cluster: key }, 'could not save the checkpoint; the next sweep tries again');
      }
    });
  };

  /** Loads a cluster's saved state for its next sweep, unless it is stale or of an unknown layout. */
  async function load(key: string, catchUpAfterMs = 0): Promise<void> {
    const saved = await store.checkpoints.load(key);
    if (saved === undefined) return;
    const state = fromCheckpoint(saved);
    const ageMs = options.now() - saved.savedAt;
    if (state === undefined) {
      logger.warn({ cluster: key, version: saved.version }, 'saved state has a layout this Mona does not know: taking a fresh baseline');
    } else if (ageMs > options.staleAfterMs) {
      logger.warn(
        { cluster: key, savedAt: new Date(saved.savedAt).toISOString(), ageSeconds: Math.round(ageMs / 1000) },
        'saved state is stale (older than state.staleAfterSeconds): taking a fresh baseline, what happened meanwhile is not reported',
      );
    } else {
      resumed.set(key, state);
      if (ageMs >= catchUpAfterMs) catchingUp.add(key);
      logger.info(
        { cluster: key, savedAt: new Date(saved.savedAt).toISOString(), services: Object.keys(state.services).length },
        'resuming from saved state',
      );
    }
  }

  return {
    async resume(clusters: readonly ClusterRef[]): Promise<void> {
      for (const ref of clusters) await load(clusterKey(ref));
    },
    /**
     * This replica just took the cluster's lease: its next sweep starts from the store's
     * checkpoint (what the previous holder saved), not from what this replica held before.
     * Its events are marked as caught up only when the checkpoint is at least `catchUpAfterMs`
     * old: a dead holder's is (its lease had to expire), a handover between live replicas' is not.
     */
    async takeOver(ref: ClusterRef, catchUpAfterMs: number): Promise<void> {
      const key = clusterKey(ref);
      logs.delete(key);
      restart.add(key);
      catchingUp.delete(key);
      resumed.delete(key);
      await load(key, catchUpAfterMs);
    },
    /** The cluster's lease was lost or given up: nothing of it is saved any more. */
    forget(ref: ClusterRef): void {
      const key = clusterKey(ref);
      logs.delete(key);
      resumed.delete(key);
      catchingUp.delete(key);
    },
    reducer(inner: Reducer): Reducer {
      return (previous, outcome, config) => {
        const key = clusterKey(outcome);
        // After a takeover the saved state wins over this replica's own, older one.
        const base = restart.delete(key) ? resumed.get(key) : (previous ?? resumed.get(key));
        resumed.delete(key);
        const result = inner(base, outcome, config);
        const part = outcome.kind === 'snapshot' && outcome.interim === true;
        // The first sweep after resuming, its parts included, happened while Mona was not running.
        if (outcome.kind === 'snapshot' && catchingUp.has(key)) {
          for (const event of result.events) catchUpIds.add(event.id);
          if (!part) catchingUp.delete(key);
        }
        const waiting = new Map<string, number>();
        for (const event of result.events) waiting.set(event.id, (waiting.get(event.id) ?? 0) + 1);
        const log = logOf(key);
        log.pending.push({ state: result.state, observedAt: outcome.observedAt, waiting, part });
        settle(key, log);
        return result;
      };
    },
    /** The event is in the outbox of every sender that takes it (or none takes it). */
    accepted(event: MonitorEvent): void {
      const key = clusterKey(event);
      const log = logOf(key);
      const sweep = log.pending.find((p) => p.waiting.has(event.id));
      if (sweep === undefined) return;
      const left = (sweep.waiting.get(event.id) ?? 1) - 1;
      if (left === 0) sweep.waiting.delete(event.id);
      else sweep.waiting.set(event.id, left);
      settle(key, log);
    },
    /** True for an event of the first sweep after resuming: it happened while Mona was not running. */
    isCatchUp(event: MonitorEvent): boolean {
      return catchUpIds.has(event.id);
    },
    /** Waits for the saves under way. */
    async flush(): Promise<void> {
      await Promise.all([...logs.values()].map((log) => log.saving));
    },
  };
}

export type Checkpointer = ReturnType<typeof createCheckpointer>;
