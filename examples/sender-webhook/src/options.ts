// Typed through @mona-ecs/core, so the package needs no ajv dependency of its own.
import type { SenderPlugin } from '@mona-ecs/core';

/** Options of the webhook sender. */
export interface WebhookOptions {
  /** Where to POST; `http:` or `https:`. */
  url: string;
  /** Extra request headers, e.g. `{ "Authorization": "Bearer ${env:HOOK_TOKEN}" }`. */
  headers?: Record<string, string>;
}

/**
 * The options schema; unknown keys are rejected so a typo is caught at start-up.
 *
 * @example
 * { "url": "https://hooks.example.com/mona", "headers": { "Authorization": "Bearer ${env:HOOK_TOKEN}" } }
 */
export const webhookOptionsSchema: SenderPlugin<WebhookOptions>['optionsSchema'] = {
  type: 'object',
  additionalProperties: false,
  required: ['url'],
  properties: {
    url: { type: 'string', pattern: '^https?://[^\\s]+$' },
    headers: {
      type: 'object',
      nullable: true,
      required: [],
      additionalProperties: { type: 'string' },
    },
  },
};
