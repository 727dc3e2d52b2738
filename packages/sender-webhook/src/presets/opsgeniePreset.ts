import { defuse, truncateText, type Severity } from '@mona-ecs/core';
import type { WebhookSenderOptions } from '../options.js';
import { genericFix, type Preset } from '../webhookRequest.js';
import { factsOf, incidentKey, pagerActionOf } from './eventFacts.js';

/** The Alert API (https://docs.opsgenie.com/docs/alert-api); EU accounts use https://api.eu.opsgenie.com/v2/alerts. */
export const OPSGENIE_ALERTS_URL = 'https://api.opsgenie.com/v2/alerts';
/** Opsgenie's documented limits: message 130, alias 512, description 15,000 characters; tags 20 of 50. */
export const OPSGENIE_LIMITS = { message: 130, alias: 512, description: 15_000, tag: 50 } as const;

const PRIORITY: Record<Severity, string> = { info: 'P5', success: 'P5', warning: 'P3', error: 'P2' };

/**
 * Opsgenie Alert API: a failure, a timeout or a crash creates an alert whose `alias` is the
 * deployment (the same key as PagerDuty's `dedup_key`); the completion closes it
 * (`POST /v2/alerts/{alias}/close?identifierType=alias`). Other events are not sent: Opsgenie
 * has no place for a note without an alert, and an alert for every deployment start would page.
 */
export const opsgeniePreset: Preset = {
  name: 'opsgenie',
  requests(notification, options: WebhookSenderOptions) {
    const event = notification.event;
    const base = (options.url ?? OPSGENIE_ALERTS_URL).replace(/\/+$/, '');
    const headers = { authorization: `GenieKey ${options.apiKey ?? ''}` };
    const alias = truncateText(incidentKey(event), OPSGENIE_LIMITS.alias);
    const action = pagerActionOf(event);
    if (action === 'note') return [];
    if (action === 'resolve') {
      return [
        {
          url: `${base}/${encodeURIComponent(alias)}/close?identifierType=alias`,
          method: 'POST',
          headers,
          body: { source: 'Mona', note: truncateText(notification.plain, OPSGENIE_LIMITS.description) },
        },
      ];
    }
    const tags = ['mona', event.cluster, ...('service' in event ? [event.service] : [])].map((t) =>
      truncateText(defuse(t), OPSGENIE_LIMITS.tag),
    );
    return [
      {
        url: base,
        method: 'POST',
        headers,
        body: {
          message: truncateText(defuse(notification.title), OPSGENIE_LIMITS.message),
          alias,
          description: truncateText(notification.plain, OPSGENIE_LIMITS.description),
          tags,
          details: Object.fromEntries(factsOf(event)),
          entity: 'service' in event ? defuse(event.service) : defuse(event.cluster),
          source: 'Mona',
          priority: PRIORITY[notification.severity] ?? 'P3',
        },
      },
    ];
  },
  fixFor: (status) =>
    status === 401 || status === 403
      ? 'Opsgenie refused the key: apiKey must be the key of an API integration (not an account API key) with create and close rights'
      : status === 422
        ? 'Opsgenie refused the alert fields: check the message and tags'
        : genericFix(status),
};
