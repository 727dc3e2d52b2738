import type { Notification } from '../../model/notification.js';
import type { Sender } from '../../sender/types.js';
import { recordingLogger } from '../../testing/recordingLogger.js';
import { sampleNotifications } from '../../testing/sampleNotifications.js';
import { createDeliveryQueue } from '../createDeliveryQueue.js';
import type { DeliveryQueueOptions } from '../deliveryOptions.js';
import type { DeliveryOutcome } from '../types.js';

/** Test helper (not exported from the package): a queue with recording logger and hooks. */
export function queueUnderTest(sender: Sender, options: DeliveryQueueOptions = {}) {
  const logger = recordingLogger();
  const outcomes: Array<{ id: string; outcome: DeliveryOutcome; attempts: number; error?: unknown }> = [];
  const retries: Array<{ id: string; attempt: number; delayMs: number; error: unknown }> = [];
  const queue = createDeliveryQueue(sender, {
    name: 'senders[0]:test',
    logger,
    hooks: {
      onOutcome: (n, outcome, info) =>
        outcomes.push({ id: n.id, outcome, attempts: info.attempts, ...(info.error === undefined ? {} : { error: info.error }) }),
      onRetry: (n, info) => retries.push({ id: n.id, ...info }),
    },
    ...options,
  });
  return { queue, logger, outcomes, retries };
}

/** Distinct notifications `n0`, `n1`, … (ids are what the tests compare). */
export function notifications(count: number): Notification[] {
  const [template] = sampleNotifications();
  if (!template) throw new Error('no sample notification');
  return Array.from({ length: count }, (_, i) => ({ ...template, id: `n${i}` }));
}
