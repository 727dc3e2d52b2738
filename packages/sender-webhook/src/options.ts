import { optional, type JSONSchemaType, type SenderPlugin } from '@mona-ecs/core';

/** The services the sender knows how to talk to; `custom` posts your own JSON templates. */
export const PRESETS = ['custom', 'teams', 'discord', 'googleChat', 'mattermost', 'pagerduty', 'opsgenie'] as const;
export type PresetName = (typeof PRESETS)[number];

/** A JSON body template: strings may hold `{{placeholders}}` (see the README). */
export type JsonTemplate = string | number | boolean | null | JsonTemplate[] | { [key: string]: JsonTemplate };

/**
 * Options of the webhook sender, as written in the runner config.
 *
 * @example
 * const discord: WebhookSenderOptions = { preset: 'discord', url: 'https://discord.com/api/webhooks/1/abc' };
 * const pager: WebhookSenderOptions = { preset: 'pagerduty', routingKey: 'R0UT1NGKEY' };
 */
export interface WebhookSenderOptions {
  /** Which service; default `custom`. */
  preset?: PresetName;
  /** The webhook or API URL; PagerDuty and Opsgenie have defaults (their public endpoints). */
  url?: string;
  /** PagerDuty: the integration (routing) key of an Events API v2 integration. */
  routingKey?: string;
  /** Opsgenie: the API key of an API integration (sent as `Authorization: GenieKey …`). */
  apiKey?: string;
  /** HTTP method (custom only): `POST` (default) or `PUT`. */
  method?: 'POST' | 'PUT';
  /** Extra request headers; values may use `${env:NAME}`, which the runner fills in. */
  headers?: Record<string, string>;
  /** custom: the JSON body per formatter key (`deployFailed`, …), `default` for the others. */
  templates?: Record<string, JsonTemplate>;
  /** custom: the most characters a `{{plain}}`, `{{markdown}}` or `{{text}}` placeholder inserts (default 10,000). */
  maxTextLength?: number;
  /** Per-request timeout in ms; never more than the host's attempt timeout (default: that timeout). */
  timeoutMs?: number;
}

const template = {} as JSONSchemaType<JsonTemplate>;

/**
 * JSON Schema of {@link WebhookSenderOptions}; unknown keys are rejected, and each preset's
 * required keys are checked (a URL, a routing key for PagerDuty, an API key for Opsgenie).
 *
 * @example
 * validateSenderOptions(webhookSender, { preset: 'pagerduty' }); // options must have required property 'routingKey'
 */
export const webhookOptionsSchema: SenderPlugin<WebhookSenderOptions>['optionsSchema'] = {
  type: 'object',
  properties: {
    preset: optional({
      type: 'string',
      enum: [...PRESETS],
      default: 'custom',
      description: 'The service: custom (your templates), teams, discord, googleChat, mattermost, pagerduty or opsgenie.',
    }),
    url: optional({
      type: 'string',
      pattern: '^https?://[^\\s]+$',
      description: 'Webhook or API URL (PagerDuty and Opsgenie default to their public endpoints).',
    }),
    routingKey: optional({ type: 'string', minLength: 1, description: 'PagerDuty: the Events API v2 integration key.' }),
    apiKey: optional({ type: 'string', minLength: 1, description: 'Opsgenie: the API integration key.' }),
    method: optional({ type: 'string', enum: ['POST', 'PUT'], description: 'custom: the HTTP method (default POST).' }),
    headers: optional({ type: 'object', required: [], additionalProperties: { type: 'string' }, description: 'Extra request headers.' }),
    templates: optional({
      type: 'object',
      required: [],
      additionalProperties: template,
      description: 'custom: JSON body per formatter key, `default` for the rest.',
    }),
    maxTextLength: optional({
      type: 'integer',
      minimum: 100,
      description: 'custom: the most characters a text placeholder inserts (default 10000).',
    }),
    timeoutMs: optional({ type: 'integer', minimum: 100, description: 'Per-request timeout in ms (default: the attempt timeout).' }),
  },
  required: [],
  additionalProperties: false,
  allOf: [
    {
      if: { properties: { preset: { const: 'pagerduty' } }, required: ['preset'] },
      then: { properties: { routingKey: {} }, required: ['routingKey'] },
    },
    {
      if: { properties: { preset: { const: 'opsgenie' } }, required: ['preset'] },
      then: { properties: { apiKey: {} }, required: ['apiKey'] },
    },
    { if: { properties: { preset: { not: { enum: ['pagerduty', 'opsgenie'] } } } }, then: { properties: { url: {} }, required: ['url'] } },
  ],
} as SenderPlugin<WebhookSenderOptions>['optionsSchema'];
