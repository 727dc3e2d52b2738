import { toNotification } from '@mona-ecs/core';
import type { DeliveryQueue, Formatter, Logger, MonitorEvent } from '@mona-ecs/core';
import type { MonaMetrics } from '../ops/createMetrics.js';
import type { Route } from '../routing/createRoute.js';
import { serviceOf } from '../routing/createRoute.js';

/** A sender's queue and the route that feeds it. */
export interface Destination {
  name: string;
  route: Route;
  queue: DeliveryQueue;
}

/**
 * The function the stream calls with every event: count it, log it, render it once, and
 * enqueue it on every sender whose route accepts it. Enqueueing never waits for a sender.
 *
 * @example
 * monitorClusters(options).subscribe(createDispatcher({ formatter, destinations, metrics, logger }));
 */
export function createDispatcher(parts: {
  formatter: Formatter;
  destinations: readonly Destination[];
  metrics: MonaMetrics;
  logger: Logger;
}): (event: MonitorEvent) => void {
  const { formatter, destinations, metrics, logger } = parts;
  const onFormatError = (error: Error, event: MonitorEvent) =>
    logger.warn({ err: error, eventId: event.id }, 'formatter failed; the default text was used');
  return (event) => {
    metrics.events.inc({ type: event.type });
    const notification = toNotification(event, formatter, onFormatError);
    const to = destinations.filter((d) => d.route.accepts(notification));
    logger.info(
      { event: { type: event.type, id: event.id, cluster: event.cluster, service: serviceOf(event) }, senders: to.map((d) => d.name) },
      notification.title,
    );
    for (const destination of to) destination.queue.enqueue(notification);
  };
}
