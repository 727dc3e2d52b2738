import type { Notification } from '../model/notification.js';
import type { GroupingOptions } from './deliveryOptions.js';
import type { QueueEntry } from './createDeliveryQueue.js';
import { groupKindOf, groupNotifications } from './groupNotifications.js';

/**
 * When more than `threshold` entries wait, replace the routine ones that were never attempted
 * by grouped messages (see `groupNotifications`), in place: what may not be grouped (failures,
 * rollbacks, stalls, crashes, anything already attempted) keeps its order at the front, the
 * groups follow in order of their first member. An attempted group is never changed, so its id
 * stays the same across retries. A group is kept as long as its newest member (its `enqueuedAt`).
 *
 * @example
 * groupBacklog(entries, { enabled: true, threshold: 10, maxSize: 50 }, report);
 */
export function groupBacklog(
  entries: QueueEntry[],
  options: Required<GroupingOptions>,
  report: { grouped(waiting: number, members: number, messages: number): void },
): void {
  if (entries.length <= options.threshold) return;
  const candidates = entries.filter((e) => e.attempts === 0 && !e.sending && groupKindOf(e.notification) !== undefined);
  if (candidates.length < 2) return;
  const groups = groupNotifications(
    candidates.map((e) => e.notification),
    options.maxSize,
  );
  if (groups.length >= candidates.length) return; // nothing to merge
  const enqueuedAt = new Map<Notification, number>();
  for (const entry of candidates) {
    for (const member of entry.notification.group?.members ?? [entry.notification]) enqueuedAt.set(member, entry.enqueuedAt);
  }
  const rest = entries.filter((e) => !candidates.includes(e));
  const grouped = groups.map((notification): QueueEntry => {
    const members = notification.group?.members ?? [notification];
    const newest = Math.max(...members.map((m) => enqueuedAt.get(m) ?? 0));
    return { notification, enqueuedAt: newest, attempts: 0, sending: false, cancel: new AbortController(), notBefore: newest, timeouts: 0 };
  });
  const waiting = entries.length;
  entries.splice(0, entries.length, ...rest, ...grouped);
  report.grouped(waiting, enqueuedAt.size, grouped.length);
}
