import { map } from 'rxjs';
import type { OperatorFunction } from 'rxjs';
import { toNotification } from '../format/toNotification.js';
import type { Formatter } from '../format/types.js';
import type { MonitorEvent } from '../model/events.js';
import type { Logger } from '../model/logger.js';
import type { Notification } from '../model/notification.js';

/**
 * Stage 5, format: renders each event once into a `Notification` for every sender. A formatter
 * key that throws or returns no string is logged and the default text is used, so a bad
 * template never costs a notification.
 *
 * @example
 * events$.pipe(formatEvents(createFormatter({ deploy: (e) => `${e.service} is rolling out` }), logger));
 */
export function formatEvents(formatter: Formatter, logger?: Logger): OperatorFunction<MonitorEvent, Notification> {
  const onFormatError = (error: Error, event: MonitorEvent) =>
    logger?.warn({ err: error, eventId: event.id }, 'formatter failed; the default text was used');
  return map((event) => toNotification(event, formatter, onFormatError));
}
