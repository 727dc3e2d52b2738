import type { MonitorEvent } from '../model/events.js';
import { severityOf } from '../format/severityOf.js';
import type { Notification } from '../model/notification.js';
import { sampleEvents } from './sampleEvents.js';

/** The subject of an event: its service, or the cluster for cluster-level events. */
function subjectOf(event: MonitorEvent): string {
  return 'service' in event ? event.service : event.cluster;
}

/**
 * Wrap an event in a `Notification` with a plain inline text (not the real formatter, so the
 * testing kit does not depend on it), with the real severity. The text deliberately carries the event's `reason`
 * unescaped, as a user template could: senders must escape what they render.
 *
 * @example
 * await sender.send(sampleNotification(sampleEvents()[1]!), new AbortController().signal);
 */
export function sampleNotification(event: MonitorEvent): Notification {
  const subject = subjectOf(event);
  const reason = 'reason' in event && event.reason !== undefined ? ` (${event.reason})` : '';
  return {
    id: event.id,
    event,
    text: `${event.type}: \`${subject}\` in \`${event.cluster}\`${reason}`,
    title: `${event.type} ${subject}`,
    severity: severityOf(event),
  };
}

/**
 * `sampleNotification` of every `sampleEvents()` entry: one notification per event type.
 *
 * @example
 * for (const n of sampleNotifications()) queue.enqueue(n);
 */
export function sampleNotifications(): Notification[] {
  return sampleEvents().map(sampleNotification);
}
