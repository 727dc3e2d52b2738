import { clusterKey, type Logger, type PipelineHooks, type Routed } from '@mona-ecs/core';
import type { StateStore } from '@mona-ecs/core/state';
import { deliverTo } from '@mona-ecs/core/pipeline';
import { concatMap, from, map, type MonoTypeOperatorFunction } from 'rxjs';
import type { Checkpointer } from './createCheckpointer.js';
import { markCatchUp } from './markCatchUp.js';

/** What the durable deliver stage writes to. */
export interface DurableDispatch {
  store: StateStore;
  checkpointer: Checkpointer;
  now: () => number;
}

/**
 * The pipeline's deliver stage with a state store: a notification of the first sweep after a
 * restart is marked as seen after the fact; each notification is put in the outbox of every
 * destination it was routed to, then enqueued (core's `deliverTo`), then reported `accepted`
 * to the checkpointer, which may then save the sweep it came from. `concatMap` keeps the order.
 * A failing outbox is logged and delivery goes on without it: a store outage never silences Mona.
 *
 * @example
 * monitorPipeline({ ...options, reducer: checkpointer.reducer(reduce), deliver: durableDeliver({ store, checkpointer, now }, logger) });
 */
export function durableDeliver(
  durable: DurableDispatch,
  logger?: Logger,
  hooks?: Pick<PipelineHooks, 'onDelivered'>,
): MonoTypeOperatorFunction<Routed> {
  const enqueue = deliverTo(logger, hooks);
  return (routed$) =>
    routed$.pipe(
      map((routed) =>
        durable.checkpointer.isCatchUp(routed.notification.event) ? { ...routed, notification: markCatchUp(routed.notification) } : routed,
      ),
      concatMap((routed) => from(putInOutbox(durable, routed, logger)).pipe(map(() => routed))),
      enqueue,
      map((routed) => {
        durable.checkpointer.accepted(routed.notification.event);
        return routed;
      }),
    );
}

async function putInOutbox(durable: DurableDispatch, { notification, to }: Routed, logger: Logger | undefined): Promise<void> {
  const acceptedAt = durable.now();
  const cluster = clusterKey(notification.event);
  try {
    await Promise.all(to.map((d) => durable.store.outbox.put(cluster, { sender: d.name, notification, acceptedAt })));
  } catch (error) {
    logger?.error(
      { err: error, notificationId: notification.id },
      'could not write the outbox: delivering without it (a crash now would lose it)',
    );
  }
}
