import picomatch from 'picomatch';
import { isEventsQueueNotice } from '@mona-ecs/core/ecs';
import { FormatterKeyOf } from '@mona-ecs/core/format';
import type { Logger, MonitorEvent, Notification } from '@mona-ecs/core';
import type { SenderConfig } from '../config/types.js';
import { watchUnmatchedGlobs } from './watchUnmatchedGlobs.js';
import type { RoutedCluster } from './watchUnmatchedGlobs.js';

/** A compiled routing rule of one sender: `accepts(notification)`. */
export interface Route {
  accepts(notification: Notification): boolean;
}

/**
 * Compile a sender's `events`, `services` and `clusters` filters. A notification passes when
 * its formatter key is listed (or `events` is absent), its service matches a glob (or
 * `services` is absent, or the event is cluster-level: MonitorStarted, MonitorDegraded,
 * MonitorRecovered have no service), and its cluster is listed (or `clusters` is absent).
 * Given the watched clusters and the sender's logger, it also warns once when a `services` glob
 * matches no service at start-up (see `watchUnmatchedGlobs`).
 *
 * @example
 * const route = createRoute({ plugin: 'x', events: ['deployFailed'], services: ['api-*'] }, { watched: config.clusters, logger });
 * route.accepts(notification);
 */
export function createRoute(
  sender: Pick<SenderConfig, 'events' | 'services' | 'clusters'>,
  startUp?: { watched: readonly RoutedCluster[]; logger: Logger },
): Route {
  const events = sender.events ? new Set<string>(sender.events) : undefined;
  const clusters = sender.clusters ? new Set(sender.clusters) : undefined;
  const services = sender.services ? picomatch(sender.services) : undefined;
  const observe =
    startUp && sender.services
      ? watchUnmatchedGlobs(
          sender.services,
          startUp.watched.filter((c) => !clusters || clusters.has(c.cluster)),
          startUp.logger,
        )
      : undefined;
  return {
    accepts({ event }: Notification): boolean {
      observe?.(event);
      if (events && !events.has(FormatterKeyOf[event.type])) return false;
      // The events queue carries every watched cluster's events: its outage concerns each route.
      if (clusters && !clusters.has(event.cluster) && !isEventsQueueNotice(event)) return false;
      const service = serviceOf(event);
      return !services || service === undefined || services(service);
    },
  };
}

/** The service an event is about; undefined for cluster-level events. */
function serviceOf(event: MonitorEvent): string | undefined {
  return 'service' in event ? event.service : undefined;
}
