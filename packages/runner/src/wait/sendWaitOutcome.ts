import type { Logger, MonitorEvent } from '@mona-ecs/core';
import { deliverTo, formatEvents, routeNotifications } from '@mona-ecs/core/pipeline';
import { from, lastValueFrom } from 'rxjs';
import type { ResolvedConfig } from '../config/types.js';
import { createDestinations, drainAndClose } from '../monitor/createDestinations.js';
import { DRAIN_TIMEOUT_MS } from '../monitor/startMonitor.js';
import { createMetrics } from '../ops/createMetrics.js';
import { createSenders, loadSenders } from '../plugins/createSenders.js';
import { loadFormatter } from '../plugins/loadFormatter.js';
import type { WaitProgress } from './WaitProgress.js';

/**
 * Sends the events that ended a wait (completions, failures, rollbacks) through the config's
 * senders, with its routing and formatter, through the last stages of `mona run`'s pipeline
 * (format → route → deliver); then drains the queues (bounded) and closes the senders. Returns
 * how many notifications were routed.
 *
 * @example
 * await sendWaitOutcome(config, progress, logger);
 */
export async function sendWaitOutcome(config: ResolvedConfig, progress: WaitProgress, logger: Logger): Promise<number> {
  const events: MonitorEvent[] = progress.services.flatMap((s) => s.events);
  if (events.length === 0 || config.senders.length === 0) return 0;
  const formatter = await loadFormatter(config);
  const live = await createSenders(await loadSenders(config), logger);
  const destinations = createDestinations(live, config, { metrics: createMetrics(), logger });
  await lastValueFrom(from(events).pipe(formatEvents(formatter, logger), routeNotifications(destinations, logger), deliverTo(logger)));
  if (!(await drainAndClose(destinations, DRAIN_TIMEOUT_MS)))
    logger.warn({ timeoutMs: DRAIN_TIMEOUT_MS }, 'some notifications were not delivered in time');
  return events.length;
}
