import type { Notification } from '../../model/notification.js';
import type { Sender } from '../../sender/types.js';
import { recordingLogger } from '../../testing/recordingLogger.js';
import { sampleNotifications } from '../../testing/sampleNotifications.js';
import { createDeliveryQueue } from '../createDeliveryQueue.js';
import type { DeliveryQueueOptions, DeliveryTimers } from '../deliveryOptions.js';
import type { DeliveryOutcome } from '../types.js';

/**
 * Timers on the global `setTimeout`, which `vi.useFakeTimers()` replaces: virtual time for the
 * queue (the default `realTimers` use `timers/promises`, which fake timers do not reach).
 */
export const fakeableTimers: DeliveryTimers = {
  now: () => Date.now(),
  sleep: (ms, signal) =>
    new Promise<void>((resolve) => {
      if (signal.aborted) return resolve();
      const done = (): void => {
        clearTimeout(timer);
        signal.removeEventListener('abort', done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      signal.addEventListener('abort', done, { once: true });
    }),
};

/** Test helper (not exported from the package): a queue with recording logger and hooks. */
export function queueUnderTest(sender: Sender, options: DeliveryQueueOptions = {}) {
  const logger = recordingLogger();
  const outcomes: Array<{ id: string; outcome: DeliveryOutcome; attempts: number; error?: unknown }> = [];
  const retries: Array<{ id: string; attempt: number; delayMs: number; error: unknown }> = [];
  const queue = createDeliveryQueue(sender, {
    name: 'senders[0]:test',
    logger,
    timers: fakeableTimers,
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

type RoutineType = 'DeploymentStarted' | 'DeploymentCompleted' | 'DeploymentFailed' | 'RollbackStarted' | 'ScalingStarted';

/** A notification of `type` for `service` (from the sample events), with id `type:service`. */
export function serviceNotification(type: RoutineType, service: string, cluster = 'prod'): Notification {
  const template = sampleNotifications().find((n) => n.event.type === type);
  if (!template) throw new Error(`no sample ${type}`);
  const event = { ...template.event, service, cluster, id: `${type}:${service}` } as Notification['event'];
  return { ...template, id: `${type}:${service}`, event, text: `${type} \`${service}\``, title: `${type} ${service}` };
}

/** What a scripted channel does with one attempt at time `now`: accept, throw, or never answer. */
export type ChannelAnswer = 'ok' | 'hang' | { throws: unknown };

/**
 * A sender whose answer depends on the notification and the (virtual) time, recording every
 * attempt with its time, and the notifications it accepted.
 */
export function scriptedChannel(answer: (notification: Notification, now: number) => ChannelAnswer) {
  const attempts: Array<{ id: string; at: number }> = [];
  const accepted: Array<{ id: string; at: number; notification: Notification }> = [];
  const sender: Sender = {
    send(notification, signal) {
      const now = Date.now();
      attempts.push({ id: notification.id, at: now });
      const step = answer(notification, now);
      if (step === 'ok') {
        accepted.push({ id: notification.id, at: now, notification });
        return Promise.resolve();
      }
      if (step === 'hang') return new Promise<void>((_, reject) => signal.addEventListener('abort', () => reject(signal.reason as Error)));
      return Promise.reject(step.throws as Error);
    },
  };
  return { sender, attempts, accepted };
}
