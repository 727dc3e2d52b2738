import { createDeliveryQueue } from '@mona-ecs/core';
import type { Logger } from '@mona-ecs/core';
import type { ResolvedConfig } from '../config/types.js';
import type { MonaMetrics } from '../ops/createMetrics.js';
import type { LiveSender } from '../plugins/createSenders.js';
import { createRoute } from '../routing/createRoute.js';
import type { Destination } from './createDispatcher.js';

/**
 * One delivery queue and route per live sender, its outcomes counted in the metrics.
 *
 * @example
 * const destinations = createDestinations(live, config, { metrics, logger });
 */
export function createDestinations(
  live: readonly LiveSender[],
  config: ResolvedConfig,
  parts: { metrics: MonaMetrics; logger: Logger },
): Destination[] {
  return live.map(({ config: sender, sender: instance }) => {
    const name = sender.instanceName;
    const queue = createDeliveryQueue(instance, {
      ...config.delivery,
      name,
      logger: parts.logger.child({ sender: name }),
      hooks: {
        onOutcome(_notification, outcome, info) {
          parts.metrics.notifications.inc({ sender: name, result: outcome });
          if (outcome === 'delivered') parts.metrics.deliveryLatency.observe({ sender: name }, info.latencyMs / 1000);
        },
      },
    });
    return { name, route: createRoute(sender), queue };
  });
}
