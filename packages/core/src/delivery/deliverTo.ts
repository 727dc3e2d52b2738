import { tap, type MonoTypeOperatorFunction } from 'rxjs';
import type { Logger } from '../model/logger.js';
import type { Notification } from '../model/notification.js';
import type { DeliveryQueue } from './types.js';

/** The queues a notification goes to: fixed, or chosen per notification (routing). */
export type DeliveryRoute = readonly DeliveryQueue[] | ((notification: Notification) => readonly DeliveryQueue[]);

/**
 * RxJS operator: enqueue each notification into the queues of `route` and pass it on
 * unchanged. `enqueue` never waits for a sender, so the stream is never slowed by delivery; a
 * routing function that throws is logged and skipped for that notification, so it cannot
 * stop the monitor either.
 *
 * @example
 * notifications$.pipe(deliverTo((n) => queues.filter((q) => wants(q, n)), logger)).subscribe();
 */
export function deliverTo(route: DeliveryRoute, logger?: Logger): MonoTypeOperatorFunction<Notification> {
  const pick = typeof route === 'function' ? route : () => route;
  return tap((notification) => {
    try {
      for (const queue of pick(notification)) queue.enqueue(notification);
    } catch (error) {
      logger?.error({ err: error, notificationId: notification.id }, 'routing a notification failed');
    }
  });
}
