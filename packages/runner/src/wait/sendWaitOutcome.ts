import type { Logger } from '@mona-ecs/core';
import type { ResolvedConfig } from '../config/types.js';
import { createDestinations } from '../monitor/createDestinations.js';
import { createDispatcher } from '../monitor/createDispatcher.js';
import { DRAIN_TIMEOUT_MS } from '../monitor/startMonitor.js';
import { createMetrics } from '../ops/createMetrics.js';
import { createSenders, loadSenders } from '../plugins/createSenders.js';
import { loadFormatter } from '../plugins/loadFormatter.js';
import type { WaitProgress } from './WaitProgress.js';

/**
 * Sends the events that ended a wait (completions, failures, rollbacks) through the config's
 * senders, with its routing and formatter, exactly as `mona run` would have; then drains the
 * queues (bounded) and closes the senders. Returns how many notifications were routed.
 *
 * @example
 * await sendWaitOutcome(config, progress, logger);
 */
export async function sendWaitOutcome(config: ResolvedConfig, progress: WaitProgress, logger: Logger): Promise<number> {
  const events = progress.services.flatMap((s) => s.events);
  if (events.length === 0 || config.senders.length === 0) return 0;
  const formatter = await loadFormatter(config);
  const live = await createSenders(await loadSenders(config), logger);
  const metrics = createMetrics();
  const destinations = createDestinations(live, config, { metrics, logger });
  const dispatch = createDispatcher({ formatter, destinations, metrics, logger });
  for (const event of events) dispatch(event);
  const drained = await Promise.all(destinations.map((d) => d.queue.drain(DRAIN_TIMEOUT_MS)));
  if (drained.some((ok) => !ok)) logger.warn({ timeoutMs: DRAIN_TIMEOUT_MS }, 'some notifications were not delivered in time');
  // Closing a queue closes its sender.
  await Promise.all(destinations.map((d) => d.queue.close()));
  return events.length;
}
