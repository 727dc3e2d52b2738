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
 * A sender that POSTs `{ id, title, text, severity, event }` as JSON to `options.url`. The
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
        // Network failures (refused, reset, DNS) may heal; an abort is the queue's timeout.
        throw new SenderError(`webhook request failed: ${(cause as Error).message}`, { retryable: true, cause });
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

/** The JSON body: the rendered text and the typed event, for receivers that want structure. */
export function payloadOf(notification: Notification): Record<string, unknown> {
  const { id, title, text, severity, event } = notification;
  return { id, title, text, severity, event };
}
