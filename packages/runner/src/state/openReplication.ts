import { clusterKey, type ClusterRef, type Logger } from '@mona-ecs/core';
import type { StateStore } from '@mona-ecs/core/state';
import type { LiveDestination } from '../monitor/createDestinations.js';
import type { MonaMetrics } from '../ops/createMetrics.js';
import type { Checkpointer } from './createCheckpointer.js';
import { createLeaseKeeper, type LeaseChanges, type LeaseKeeper } from './createLeaseKeeper.js';
import { createLeaseRounds, type LeaseRounds } from './createLeaseRounds.js';
import { leasedSource, type LeasedSweepSource } from './leasedSource.js';
import { replayOutbox } from './replayOutbox.js';

/** Several replicas on one store: which clusters this one watches, and the takeovers. */
export interface Replication {
  keeper: LeaseKeeper;
  /** Gates `source` by the leases and starts the rounds; a gained cluster resumes its checkpoint and outbox. */
  start(source: LeasedSweepSource, parts: { destinations: readonly LiveDestination[]; metrics: MonaMetrics }): LeasedSweepSource;
  /**
   * False once lease rounds have failed for longer than a lease (the table cannot be reached):
   * such a replica watches nothing, and if every replica is cut off nobody does.
   */
  healthy(): boolean;
  /** Stops the rounds (the checkpoints are then flushed by the caller, then `release`). */
  stop(): Promise<void>;
  /** Gives every lease back and leaves the members, so another replica takes over at once. */
  release(): Promise<void>;
}

export interface ReplicationOptions {
  store: StateStore;
  holder: string;
  clusters: readonly ClusterRef[];
  leaseMs: number;
  checkIntervalMs: number;
  checkpointer: Checkpointer;
  logger: Logger;
  now: () => number;
}

/**
 * The replica side of `state.dynamodb`: a lease keeper whose rounds follow the sweeps (see
 * `createLeaseRounds`), a source that sweeps only held clusters (`leasedSource`), and what a
 * change of hands needs: a gained cluster starts from the store's checkpoint and delivers what
 * its outbox still holds (the ledger skips what the previous holder delivered); a lost one
 * stops saving checkpoints. `/readyz` and `/metrics` follow `keeper`.
 *
 * @example
 * const replication = openReplication({ store, holder, clusters, leaseMs: 30_000, checkIntervalMs: 5_000, checkpointer, logger, now });
 * options.source = replication.start(createEcsSource(options.ecs), { destinations, metrics });
 */
export function openReplication(options: ReplicationOptions): Replication {
  const { store, checkpointer, logger, leaseMs } = options;
  const keeper = createLeaseKeeper(store.leases, options);
  let rounds: LeaseRounds | undefined;

  async function apply(changes: LeaseChanges, parts: { destinations: readonly LiveDestination[]; metrics: MonaMetrics }): Promise<void> {
    const { metrics } = parts;
    metrics.replicas.set(keeper.replicas());
    for (const ref of changes.lost) {
      checkpointer.forget(ref);
      metrics.leaseHeld.set(labelsOf(ref), 0);
    }
    for (const ref of changes.gained) {
      metrics.leaseHeld.set(labelsOf(ref), 1);
      try {
        // A dead holder's checkpoint is at least about a lease old; a live handover's is fresh.
        await checkpointer.takeOver(ref, leaseMs / 2);
        await replayOutbox(store, [ref], parts.destinations, logger);
      } catch (error) {
        logger.error(
          { err: error, cluster: clusterKey(ref) },
          'could not load the taken-over state: starting this cluster from a fresh baseline',
        );
      }
    }
  }

  return {
    keeper,
    start(source, parts) {
      for (const ref of options.clusters) parts.metrics.leaseHeld.set(labelsOf(ref), 0);
      rounds = createLeaseRounds(keeper, {
        everyMs: options.checkIntervalMs,
        safetyMs: Math.max(100, Math.min(options.checkIntervalMs, leaseMs / 3)),
        onChanges: (changes) => apply(changes, parts),
        logger,
        now: options.now,
      });
      return leasedSource(source, keeper, rounds);
    },
    healthy: () => rounds === undefined || rounds.failingForMs() <= leaseMs,
    async stop() {
      await rounds?.stop();
    },
    async release() {
      try {
        await keeper.releaseAll();
      } catch (error) {
        logger.warn({ err: error }, 'could not release the leases: the other replicas take over once they expire');
      }
    },
  };
}

/** A cluster's label set, as the runner's other per-cluster metrics have it (the account first, when known). */
function labelsOf(ref: ClusterRef): { account?: string; cluster: string; region: string } {
  return { ...(ref.account ? { account: ref.account } : {}), cluster: ref.cluster, region: ref.region };
}
