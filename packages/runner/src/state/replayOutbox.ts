import { clusterKey, type ClusterRef, type Logger } from '@mona-ecs/core';
import type { StateStore } from '@mona-ecs/core/state';
import type { LiveDestination } from '../monitor/createDestinations.js';

/**
 * Enqueues what the outbox still holds for these clusters: notifications accepted before a
 * crash or a takeover and never delivered. The ledger skips any that were in fact delivered.
 * An entry for a sender no longer in the config is logged and cleared.
 *
 * @example
 * const replayed = await replayOutbox(store, config.clusters, destinations, logger);
 */
export async function replayOutbox(
  store: StateStore,
  clusters: readonly ClusterRef[],
  destinations: readonly LiveDestination[],
  logger: Logger,
): Promise<number> {
  let replayed = 0;
  for (const ref of clusters) {
    const key = clusterKey(ref);
    for (const entry of await store.outbox.list(key)) {
      const destination = destinations.find((d) => d.name === entry.sender);
      if (destination === undefined) {
        logger.warn(
          { sender: entry.sender, notificationId: entry.notification.id },
          'outbox entry for a sender no longer configured: dropped',
        );
        await store.outbox.remove(key, entry.sender, entry.notification.id);
        continue;
      }
      destination.queue.enqueue(entry.notification);
      replayed += 1;
    }
  }
  if (replayed > 0) logger.info({ replayed }, 'delivering notifications accepted before the restart');
  return replayed;
}
