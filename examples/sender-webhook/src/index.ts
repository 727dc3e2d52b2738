/**
 * mona-sender-webhook: a generic JSON webhook sender for Mona, written only against
 * `@mona-ecs/core`, as any third-party plugin would be.
 *
 * @example
 * // mona.json
 * { "senders": [{ "plugin": "mona-sender-webhook", "options": { "url": "https://hooks.example.com/mona" } }] }
 */
import { defineSender } from '@mona-ecs/core';
import { createWebhookSender } from './createWebhookSender.js';
import { webhookOptionsSchema } from './options.js';
import type { WebhookOptions } from './options.js';

export { createWebhookSender, payloadOf } from './createWebhookSender.js';
export type { WebhookDeps } from './createWebhookSender.js';
export { classifyResponse, parseRetryAfter } from './classifyResponse.js';
export { webhookOptionsSchema } from './options.js';
export type { WebhookOptions } from './options.js';

export default defineSender<WebhookOptions>({
  name: 'webhook',
  // The sender API this package was written for (notification.plain and .markdown are API 2).
  apiVersion: 2,
  optionsSchema: webhookOptionsSchema,
  create: (options) => createWebhookSender(options),
});
