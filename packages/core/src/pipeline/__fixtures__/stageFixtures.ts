import type { DeliveryQueue } from '../../delivery/types.js';
import type { Notification } from '../../model/notification.js';
import type { Destination } from '../routeNotifications.js';

/** A `DeliveryQueue` double that only records what it was given, synchronously. */
export function recordingQueue(): DeliveryQueue & { enqueued: string[] } {
  const enqueued: string[] = [];
  return {
    enqueued,
    enqueue(notification: Notification) {
      enqueued.push(notification.id);
      return true;
    },
    get size() {
      return 0;
    },
    stats: { delivered: 0, dropped: 0, overflow: 0, retries: 0, movedBehind: 0, grouped: 0 },
    drain: () => Promise.resolve(true),
    close: () => Promise.resolve(),
  };
}

/** A destination named `name` accepting what `accepts` says, over a recording queue. */
export function destination(name: string, accepts: (n: Notification) => boolean = () => true) {
  const queue = recordingQueue();
  const d: Destination & { queue: ReturnType<typeof recordingQueue> } = { name, accepts, queue };
  return d;
}
