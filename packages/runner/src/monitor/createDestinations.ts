import { clusterKey, createDeliveryQueue } from '@mona-ecs/core';
import type { DeliveryQueue, Destination, Logger } from '@mona-ecs/core';
import type { ResolvedConfig } from '../config/types.js';
import type { MonaMetrics } from '../ops/createMetrics.js';
import type { LiveSender } from '../plugins/createSenders.js';
import { createRoute } from '../routing/createRoute.js';
import { durableSender, type Durability } from '../state/durableSender.js';

/** A pipeline destination with its queue: what the runner drains and closes at shutdown. */
export type LiveDestination = Destination & { queue: DeliveryQueue };

/**
 * One pipeline destination per live sender: its name, its route (the sender's `events`,
 * `services` and `clusters` filters) and its delivery queue, whose outcomes are counted in the
 * metrics. With `durability`, each sender claims in the ledger before sending (see
 * `durableSender`), and a dropped notification is released and cleared from the outbox.
 *
 * @example
 * monitorPipeline({ ...options, destinations: createDestinations(live, config, { metrics, logger }) });
 */
export function createDestinations(
  live: readonly LiveSender[],
  config: ResolvedConfig,
  parts: { metrics: MonaMetrics; logger: Logger; durability?: Durability | undefined },
): LiveDestination[] {
  const { durability } = parts;
  return live.map(({ config: sender, sender: instance }) => {
    const name = sender.instanceName;
    const route = createRoute(sender, { watched: config.clusters, logger: parts.logger.child({ sender: name }) });
    const forget = (id: string, cluster: string): void => {
      if (durability === undefined) return;
      const { store, holder } = durability;
      Promise.all([store.ledger.settle(cluster, name, id, { holder, outcome: 'released' }), store.outbox.remove(cluster, name, id)]).catch(
        (error: unknown) =>
          parts.logger.warn(
            { err: error, notificationId: id, sender: name },
            'could not clear a dropped notification from the state store',
          ),
      );
    };
    const queue = createDeliveryQueue(durability === undefined ? instance : durableSender(instance, name, durability), {
      ...sender.delivery,
      name,
      // The queue binds `sender` to its log lines itself: a child here wrote the key twice.
      logger: parts.logger,
      hooks: {
        onOutcome(notification, outcome, info) {
          parts.metrics.notifications.inc({ sender: name, result: outcome });
          if (outcome !== 'delivered') forget(notification.id, clusterKey(notification.event));
          if (outcome === 'delivered') parts.metrics.deliveryLatency.observe({ sender: name }, info.latencyMs / 1000);
        },
      },
    });
    return { name, accepts: (notification) => route.accepts(notification), queue };
  });
}

/**
 * Drain every queue for at most `timeoutMs` (false when some notifications were still pending),
 * then close them all; closing a queue closes its sender.
 *
 * @example
 * if (!(await drainAndClose(destinations, 10_000))) logger.warn('some notifications were not delivered');
 */
export async function drainAndClose(destinations: readonly LiveDestination[], timeoutMs: number): Promise<boolean> {
  const drained = await Promise.all(destinations.map((d) => d.queue.drain(timeoutMs)));
  await Promise.all(destinations.map((d) => d.queue.close()));
  return drained.every(Boolean);
}
