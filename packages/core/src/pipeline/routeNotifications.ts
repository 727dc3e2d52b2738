import { map } from 'rxjs';
import type { OperatorFunction } from 'rxjs';
import type { DeliveryQueue } from '../delivery/types.js';
import type { Logger } from '../model/logger.js';
import type { Notification } from '../model/notification.js';

/** A place notifications may go: a name for logs, the filter that routes to it, and its queue. */
export interface Destination {
  /** Shown in logs, e.g. `senders[0]:@mona-ecs/sender-slack`. */
  name: string;
  /** The routing rule: true when this destination wants the notification. */
  accepts(notification: Notification): boolean;
  /** Where `deliverTo` enqueues; a destination without one is only named (`mona replay` printing). */
  queue?: DeliveryQueue;
}

/** A notification and the destinations that accept it (possibly none). */
export interface Routed<D extends Destination = Destination> {
  notification: Notification;
  to: readonly D[];
}

/**
 * Stage 6, route: pairs each notification with the destinations whose filter accepts it. A
 * filter that throws is logged and counts as "not accepted" for that destination only, so one
 * broken rule never stops the monitor nor starves the other destinations.
 *
 * @example
 * notifications$.pipe(routeNotifications([{ name: 'slack', accepts: (n) => n.severity !== 'info', queue }], logger));
 */
export function routeNotifications<D extends Destination>(
  destinations: readonly D[],
  logger?: Logger,
): OperatorFunction<Notification, Routed<D>> {
  return map((notification) => ({ notification, to: destinations.filter((d) => accepts(d, notification, logger)) }));
}

function accepts(destination: Destination, notification: Notification, logger: Logger | undefined): boolean {
  try {
    return destination.accepts(notification);
  } catch (error) {
    logger?.error({ err: error, notificationId: notification.id, destination: destination.name }, 'routing a notification failed');
    return false;
  }
}
