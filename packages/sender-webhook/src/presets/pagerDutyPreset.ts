import { defuse, truncateText, type Notification, type Severity } from '@mona-ecs/core';
import type { WebhookSenderOptions } from '../options.js';
import { genericFix, type Preset } from '../webhookRequest.js';
import { consoleLinkOf, factsOf, incidentKey, pagerActionOf } from './eventFacts.js';

/** The Events API v2 endpoint (https://developer.pagerduty.com/docs/send-alert-event). */
export const PAGERDUTY_EVENTS_URL = 'https://events.pagerduty.com/v2/enqueue';
/** PagerDuty's documented limits: `summary` 1,024 characters, `dedup_key` 255. */
export const PAGERDUTY_LIMITS = { summary: 1024, dedupKey: 255, details: 10_000 } as const;

const SEVERITY: Record<Severity, 'critical' | 'error' | 'warning' | 'info'> = {
  info: 'info',
  success: 'info',
  warning: 'warning',
  error: 'error',
};

/** `…/v2/enqueue` → `…/v2/change/enqueue`: change events live beside alert events. */
function changeUrl(alertUrl: string): string {
  const url = new URL(alertUrl);
  url.pathname = url.pathname.replace(/\/enqueue$/, '/change/enqueue');
  return url.toString();
}

/** `summary` is one line of plain text: the title, then the headline of the message. */
function summaryOf(notification: Notification): string {
  const headline = notification.plain.split('\n')[0] ?? '';
  return truncateText(`${defuse(notification.title)}: ${headline}`.replace(/\s+/g, ' '), PAGERDUTY_LIMITS.summary);
}

/**
 * PagerDuty Events API v2. A failure, a timeout or a crash **triggers** an alert whose
 * `dedup_key` is the deployment (`mona/<cluster>/<service>/<deploymentId>`); the completion of
 * that deployment **resolves** the same key; every other event (a start, a scale) is a
 * **change event**, which PagerDuty shows beside incidents without paging anyone.
 */
export const pagerDutyPreset: Preset = {
  name: 'pagerduty',
  requests(notification, options: WebhookSenderOptions) {
    const event = notification.event;
    const url = options.url ?? PAGERDUTY_EVENTS_URL;
    const routing_key = options.routingKey ?? '';
    const link = consoleLinkOf(event);
    const links = link === undefined ? [] : [{ href: link, text: 'Open in the AWS console' }];
    const custom_details = { message: truncateText(notification.plain, PAGERDUTY_LIMITS.details), ...Object.fromEntries(factsOf(event)) };
    const action = pagerActionOf(event);
    const change = {
      url: changeUrl(url),
      method: 'POST' as const,
      headers: {},
      body: {
        routing_key,
        payload: {
          summary: summaryOf(notification),
          timestamp: new Date(event.observedAt).toISOString(),
          source: `mona/${event.cluster}`,
          custom_details,
        },
        links,
      },
    };
    if (action === 'note') return [change];
    const dedup_key = truncateText(incidentKey(event), PAGERDUTY_LIMITS.dedupKey);
    // A resolve carries no text: the change event after it says what happened (it is on the service's timeline).
    if (action === 'resolve')
      return [{ url, method: 'POST', headers: {}, body: { routing_key, event_action: 'resolve', dedup_key } }, change];
    const payload = {
      summary: summaryOf(notification),
      source: `mona/${event.cluster}`,
      severity: SEVERITY[notification.severity] ?? 'error',
      timestamp: new Date(event.observedAt).toISOString(),
      component: 'service' in event ? defuse(event.service) : 'mona',
      group: defuse(event.cluster),
      class: event.type,
      custom_details,
    };
    return [
      {
        url,
        method: 'POST',
        headers: {},
        body: {
          routing_key,
          event_action: 'trigger',
          dedup_key,
          payload,
          links,
          client: 'Mona',
          ...(link !== undefined && { client_url: link }),
        },
      },
    ];
  },
  fixFor: (status) =>
    status === 400
      ? 'PagerDuty refused the event: check routingKey (an Events API v2 integration key of the service, 32 characters)'
      : status === 404
        ? 'PagerDuty does not know this URL: leave url out for https://events.pagerduty.com/v2/enqueue'
        : genericFix(status),
};
