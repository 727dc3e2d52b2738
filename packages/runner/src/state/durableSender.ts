import { SenderError, clusterKey, type Logger, type Sender } from '@mona-ecs/core';
import type { StateStore } from '@mona-ecs/core/state';

export interface Durability {
  store: StateStore;
  /** This process (file store) or replica (DynamoDB): who claims. */
  holder: string;
  /** How long a claim holds: a holder that dies mid-send blocks the id that long. */
  holdMs: number;
  logger: Logger;
}

/**
 * Wraps a sender so that each notification is sent at most once across retries, restarts and
 * replicas: claim it in the ledger, send, record it delivered, and clear it from the outbox.
 * An id already delivered is skipped (and cleared); one claimed by another holder is retried
 * later, by when that holder has settled it or its claim has expired.
 *
 * @example
 * const sender = durableSender(slack, 'senders[0]:@mona-ecs/sender-slack', { store, holder, holdMs: 120_000, logger });
 */
export function durableSender(inner: Sender, name: string, durability: Durability): Sender {
  const { store, holder, holdMs } = durability;
  return {
    async send(notification, signal) {
      const cluster = clusterKey(notification.event);
      const id = notification.id;
      const claim = await store.ledger.claim(cluster, name, id, { holder, holdMs });
      if (claim === 'held') {
        throw new SenderError(`another Mona replica is sending ${id}; waiting for it`, {
          retryable: true,
          retryAfterMs: Math.min(holdMs, 30_000),
          code: 'MONA_SEND_HELD',
        });
      }
      if (claim === 'claimed') await inner.send(notification, signal);
      else durability.logger.info({ notificationId: id, sender: name }, 'already delivered (ledger): not sent again');
      try {
        if (claim === 'claimed') await store.ledger.settle(cluster, name, id, { holder, outcome: 'delivered' });
        await store.outbox.remove(cluster, name, id);
      } catch (error) {
        // Sent: failing now would make the queue send it again. The claim still holds it for holdMs.
        durability.logger.warn({ err: error, notificationId: id, sender: name }, 'sent, but could not record it in the state store');
      }
    },
    ...(inner.close === undefined ? {} : { close: () => inner.close!() }),
  };
}
