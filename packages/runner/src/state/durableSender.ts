import { SenderError, clusterKey, type Logger, type Notification, type Sender } from '@mona-ecs/core';
import { groupNotifications } from '@mona-ecs/core/sender';
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
 * A grouped notification (the queue's `group.members`) is claimed member by member: the ledger
 * and the outbox know only the events' own ids, never a group's. Members already delivered are
 * left out and the message is rebuilt from the others (core's `groupNotifications`: one member
 * left is sent as itself); none left sends nothing. A failed send keeps the claims for the
 * queue's retry; a final failure releases each member (the queue reports it member by member).
 * The inner sender's `pace` and `close` are kept.
 *
 * @example
 * const sender = durableSender(slack, 'senders[0]:@mona-ecs/sender-slack', { store, holder, holdMs: 120_000, logger });
 */
export function durableSender(inner: Sender, name: string, durability: Durability): Sender {
  const { store, holder, holdMs, logger } = durability;

  /**
   * Claims every member at once (the file store writes them in one or two commits, not one fsync
   * each: a 50-member group's claims one by one made its attempt slow enough to time out and
   * fall behind newer messages); on `held`, gives back what this call claimed and retries later.
   */
  async function claimAll(cluster: string, members: readonly Notification[]): Promise<Notification[]> {
    const answers = await Promise.all(members.map((member) => store.ledger.claim(cluster, name, member.id, { holder, holdMs })));
    const pending = members.filter((_, i) => answers[i] === 'claimed');
    const held = members.find((_, i) => answers[i] === 'held');
    if (held !== undefined) {
      await Promise.all(pending.map((p) => store.ledger.settle(cluster, name, p.id, { holder, outcome: 'released' })));
      throw new SenderError(`another Mona replica is sending ${held.id}; waiting for it`, {
        retryable: true,
        retryAfterMs: Math.min(holdMs, 30_000),
        code: 'MONA_SEND_HELD',
      });
    }
    members.forEach((member, i) => {
      if (answers[i] === 'delivered')
        logger.info({ notificationId: member.id, sender: name }, 'already delivered (ledger): not sent again');
    });
    return pending;
  }

  return {
    async send(notification, signal) {
      const cluster = clusterKey(notification.event);
      const members = notification.group?.members ?? [notification];
      const pending = await claimAll(cluster, members);
      if (pending.length > 0) {
        const message = pending.length === members.length ? notification : groupNotifications(pending, pending.length)[0]!;
        await inner.send(message, signal);
      }
      try {
        const sent = new Set(pending);
        await Promise.all(
          members.map(async (member) => {
            if (sent.has(member)) await store.ledger.settle(cluster, name, member.id, { holder, outcome: 'delivered' });
            await store.outbox.remove(cluster, name, member.id);
          }),
        );
      } catch (error) {
        // Sent: failing now would make the queue send it again. The claims still hold it for holdMs.
        logger.warn({ err: error, notificationId: notification.id, sender: name }, 'sent, but could not record it in the state store');
      }
    },
    // The queue paces (and sizes its groups) by the sender's declared pace: dropping it here
    // sent a paced channel's backlog unpaced, as many small messages and 429s.
    ...(inner.pace === undefined ? {} : { pace: inner.pace }),
    ...(inner.close === undefined ? {} : { close: () => inner.close!() }),
  };
}
