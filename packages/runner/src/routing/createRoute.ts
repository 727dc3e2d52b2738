import picomatch from 'picomatch';
import { FormatterKeyOf } from '@mona-ecs/core/format';
import type { MonitorEvent, Notification } from '@mona-ecs/core';
import type { SenderConfig } from '../config/types.js';

/** A compiled routing rule of one sender: `accepts(notification)`. */
export interface Route {
  accepts(notification: Notification): boolean;
}

/**
 * Compile a sender's `events`, `services` and `clusters` filters. A notification passes when
 * its formatter key is listed (or `events` is absent), its service matches a glob (or
 * `services` is absent, or the event is cluster-level: MonitorStarted, MonitorDegraded,
 * MonitorRecovered have no service), and its cluster is listed (or `clusters` is absent).
 *
 * @example
 * const route = createRoute({ plugin: 'x', events: ['deployFailed'], services: ['api-*'] });
 * route.accepts(notification);
 */
export function createRoute(sender: Pick<SenderConfig, 'events' | 'services' | 'clusters'>): Route {
  const events = sender.events ? new Set<string>(sender.events) : undefined;
  const clusters = sender.clusters ? new Set(sender.clusters) : undefined;
  const services = sender.services ? picomatch(sender.services) : undefined;
  return {
    accepts({ event }: Notification): boolean {
      if (events && !events.has(FormatterKeyOf[event.type])) return false;
      if (clusters && !clusters.has(event.cluster)) return false;
      const service = serviceOf(event);
      return !services || service === undefined || services(service);
    },
  };
}

/** The service an event is about; undefined for cluster-level events. */
function serviceOf(event: MonitorEvent): string | undefined {
  return 'service' in event ? event.service : undefined;
}
