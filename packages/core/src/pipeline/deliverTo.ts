import { tap } from 'rxjs';
import type { MonoTypeOperatorFunction } from 'rxjs';
import type { Logger } from '../model/logger.js';
import type { PipelineHooks } from './PipelineOptions.js';
import type { Routed } from './routeNotifications.js';

/**
 * Stage 7, deliver: enqueues each routed notification on the queue of every destination it was
 * routed to, logs it (one info line per event: its type, id, cluster, service and the senders
 * it went to) and passes it on. `enqueue` never waits for a sender, so the stream is never
 * slowed by delivery: each sender's queue paces, retries and drops on its own.
 *
 * @example
 * routed$.pipe(deliverTo(logger, { onDelivered: ({ notification }) => counter.inc() })).subscribe();
 */
export function deliverTo(logger?: Logger, hooks?: Pick<PipelineHooks, 'onDelivered'>): MonoTypeOperatorFunction<Routed> {
  return tap((routed) => {
    const { notification, to } = routed;
    const { event } = notification;
    logger?.info(
      {
        event: {
          type: event.type,
          id: event.id,
          cluster: event.cluster,
          region: event.region,
          service: 'service' in event ? event.service : undefined,
        },
        senders: to.map((d) => d.name),
      },
      notification.title,
    );
    for (const destination of to) destination.queue?.enqueue(notification);
    hooks?.onDelivered?.(routed);
  });
}
