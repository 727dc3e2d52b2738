import type { SimContext } from './SimContext.js';
import type { SimService } from './model.js';

/** ECS keeps the 100 newest events of a service. */
export const MAX_SERVICE_EVENTS = 100;

/**
 * Appends a service event (ECS wording, `(service NAME) ...`) and drops the oldest past 100.
 *
 * @example
 * addServiceEvent(service, ctx, 'has reached a steady state.');
 */
export function addServiceEvent(service: SimService, ctx: SimContext, text: string): void {
  service.events.push({ id: ctx.ids.uuid(), createdAt: ctx.now(), message: `(service ${service.name}) ${text}` });
  if (service.events.length > MAX_SERVICE_EVENTS) service.events.shift();
  // Real events push synthetic history out of the 100-event window, as in ECS.
  if (service.history > 0 && service.events.length + service.history > MAX_SERVICE_EVENTS) service.history -= 1;
}

/**
 * The `(task id) (task id)` list ECS puts in start/stop events. ECS truncates long lists; so do we.
 *
 * @example
 * taskList(['a1', 'b2']); // '(task a1) (task b2)'
 */
export function taskList(ids: readonly string[]): string {
  const shown = ids.slice(0, 5).map((id) => `(task ${id})`);
  return ids.length > 5 ? `${shown.join(' ')} ...` : shown.join(' ');
}
