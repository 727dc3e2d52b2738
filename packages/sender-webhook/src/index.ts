/**
 * @mona-ecs/sender-webhook: POSTs (or PUTs) Mona's notifications as JSON: your own templates,
 * or a preset for Microsoft Teams, Discord, Google Chat, Mattermost, PagerDuty or Opsgenie.
 */
import type { ValidateFunction } from 'ajv';
import { defineSender } from '@mona-ecs/core';
import { createWebhookSender } from './createWebhookSender.js';
import { webhookOptionsSchema, type WebhookSenderOptions } from './options.js';
import * as generated from './optionsValidator.generated.js';

/**
 * The plugin the runner loads from `"plugin": "@mona-ecs/sender-webhook"`.
 *
 * @example
 * { "plugin": "@mona-ecs/sender-webhook", "options": { "preset": "discord", "url": "${env:DISCORD_WEBHOOK_URL}" } }
 */
const webhookSender = defineSender<WebhookSenderOptions>({
  name: 'webhook',
  apiVersion: 2,
  optionsSchema: webhookOptionsSchema,
  // Precompiled: the host loads no ajv for this sender (optionsValidator.test.ts keeps it in step with the schema).
  validateOptions: generated.validate as unknown as ValidateFunction<WebhookSenderOptions>,
  create: (options, context) => createWebhookSender(options, context),
});

export default webhookSender;
export { createWebhookSender } from './createWebhookSender.js';
export { PRESETS, webhookOptionsSchema } from './options.js';
export type { JsonTemplate, PresetName, WebhookSenderOptions } from './options.js';
export { classifyResponse } from './classifyResponse.js';
export { classifyNetworkError } from './classifyNetworkError.js';
export { DEFAULT_TEMPLATE, renderTemplate } from './presets/customPreset.js';
export { incidentKey } from './presets/eventFacts.js';
export { presetOf } from './presets/presetOf.js';
export type { Preset, WebhookRequest } from './webhookRequest.js';
