import type { ServiceEventSnapshot } from '../model/snapshot.js';

/**
 * Service event messages that explain trouble. ECS writes them in English and has kept the
 * wording stable for years; routine ones ("has reached a steady state", "has started 2 tasks",
 * "registered 1 targets") are left out because they explain nothing.
 */
const TROUBLE = [
  /unable to place a task/i,
  /failed (elb|elastic load balancing|container) health checks/i,
  /has stopped \d+ running tasks?/i,
  /is unhealthy/i,
  /failed to (launch|start|register|pull)/i,
  /unable to (consistently start|launch|pull)/i,
  /cannotpull/i,
  /insufficient/i,
  /deployment failed/i,
  /rolling back/i,
  /circuit breaker/i,
  /\berror\b/i,
];

/** At most this many messages per event: the newest explain the present. */
export const MAX_TROUBLE_MESSAGES = 5;

/**
 * The messages of `events` (newest first, as ECS lists them) that explain trouble, each once.
 *
 * @example
 * troubleMessages([{ id: '1', createdAt: 0, message: '(service api) was unable to place a task …' }]);
 * // ['(service api) was unable to place a task …']
 */
export function troubleMessages(events: readonly ServiceEventSnapshot[]): string[] {
  const found: string[] = [];
  for (const { message } of events) {
    if (found.length >= MAX_TROUBLE_MESSAGES) break;
    if (TROUBLE.some((pattern) => pattern.test(message)) && !found.includes(message)) found.push(message);
  }
  return found;
}
