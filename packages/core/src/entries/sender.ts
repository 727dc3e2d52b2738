/**
 * @mona-ecs/core/sender: for hosts of senders (the runner, a program of your own): checking a
 * loaded plugin and its options, adapting a plain `{ send(message) }`, and the delivery
 * queue's settings, backoff and outcomes.
 */
export { validateSenderOptions } from '../sender/validateSenderOptions.js';
export { checkLoadedPlugin } from '../sender/checkLoadedPlugin.js';
export { fromMessageSender } from '../sender/fromMessageSender.js';
export type { MessageSender } from '../sender/fromMessageSender.js';
export { backoffDelay } from '../delivery/backoffDelay.js';
export { DEFAULT_DELIVERY_OPTIONS, realTimers } from '../delivery/deliveryOptions.js';
export type { DeliveryTimers, GroupingOptions, OverflowPolicy } from '../delivery/deliveryOptions.js';
export type { DeliveryHooks, DeliveryOutcome, DeliveryStats } from '../delivery/types.js';
export { groupNotifications } from '../delivery/groupNotifications.js';
export type { ErrorCodeInfo } from '../errors.js';
export { abortable } from '../abortable.js';
