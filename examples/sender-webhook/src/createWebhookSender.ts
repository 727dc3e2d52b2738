import { SenderError } from '@mona-ecs/core';
import type { Notification, Sender } from '@mona-ecs/core';
import { classifyResponse } from './classifyResponse.js';
import type { WebhookOptions } from './options.js';

/** Injectable for tests; defaults to the global `fetch` and `Date.now`. */
export interface WebhookDeps {
  fetch?: typeof fetch;
  now?: () => number;
}

/**
 * A sender that POSTs `{ id, title, text, markdown, severity, event }` as JSON to `options.url`:
 * `text` is the notification's plain form and `markdown` its Markdown form (both derived by core,
 * mentions and tags defused), so a receiver never sees Slack entities. The
 * notification id goes in `Idempotency-Key`, so a receiver can drop the duplicates that
 * retries may cause.
 *
 * @example
 * const sender = createWebhookSender({ url: 'https://hooks.example.com/mona' });
 * await sender.send(notification, AbortSignal.timeout(10_000));
 */
export function createWebhookSender(options: WebhookOptions, deps: WebhookDeps = {}): Sender {
  const doFetch = deps.fetch ?? fetch;
  const now = deps.now ?? Date.now;
  return {
    async send(notification: Notification, signal: AbortSignal): Promise<void> {
      let response: Response;
      try {
        response = await doFetch(options.url, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'user-agent': 'mona-sender-webhook',
            'idempotency-key': notification.id,
            ...options.headers,
          },
          body: JSON.stringify(payloadOf(notification)),
          signal,
        });
      } catch (cause) {
        // Network failures (refused, reset, DNS) may heal; an abort is the queue's timeout. The
        // URL may hold a token: only its host goes in the message.
        throw new SenderError(`webhook request to ${new URL(options.url).host} failed: ${(cause as Error).message}`, {
          retryable: true,
          cause,
        });
      }
      // Always consume the body so the connection goes back to the pool.
      await response.arrayBuffer().catch(() => undefined);
      if (!response.ok) throw classifyResponse(response.status, response.headers.get('retry-after'), now());
    },
    async close(): Promise<void> {
      // fetch keeps no per-sender resources; nothing to flush.
    },
  };
}

/** The JSON body: the plain and Markdown texts and the typed event (raw data: escape what you render of it). */
export function payloadOf(notification: Notification): Record<string, unknown> {
  const { id, title, plain, markdown, severity, event } = notification;
  return { id, title, text: plain, markdown, severity, event };
}
