import { defaultFormatter } from '../format/defaultFormatter.js';
import { toNotification } from '../format/toNotification.js';
import type { MonitorEvent } from '../model/events.js';
import type { Notification } from '../model/notification.js';
import { longSampleEvents, sampleEvents } from './sampleEvents.js';

/**
 * The real default formatter's notification of an event: the text in all its forms, as a
 * sender receives it in production. Events of `sampleEvents()` carry `HOSTILE_REASON`, so the
 * text holds escaped Slack entities (`&lt;!channel&gt;`) and the plain and Markdown forms hold
 * the defused strings: senders must render the form of their channel, not decode another's.
 *
 * @example
 * await sender.send(sampleNotification(sampleEvents()[1]!), new AbortController().signal);
 */
export function sampleNotification(event: MonitorEvent): Notification {
  return toNotification(event, defaultFormatter);
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

/**
 * `sampleNotification` of every `longSampleEvents()` entry: texts past every chat channel's limit.
 *
 * @example
 * for (const n of longSampleNotifications()) await sender.send(n, signal);
 */
export function longSampleNotifications(): Notification[] {
  return longSampleEvents().map(sampleNotification);
}
