import { usesProxy, type Sender, type SenderContext, type SenderHttpSettings } from '@mona-ecs/core';
import { Agent, ProxyAgent, fetch, type Dispatcher } from 'undici';
import { classifyNetworkError } from './classifyNetworkError.js';
import { classifyResponse } from './classifyResponse.js';
import type { WebhookSenderOptions } from './options.js';
import { presetOf } from './presets/presetOf.js';
import type { WebhookRequest } from './webhookRequest.js';

/**
 * A sender that turns each notification into the request of its preset (or your template) and
 * sends it with `fetch`, through the host's proxy and TLS settings (`context.http`), bounded by
 * `timeoutMs` and the attempt's signal. The notification id goes in `Idempotency-Key`.
 *
 * @example
 * const sender = createWebhookSender({ preset: 'discord', url: 'https://discord.com/api/webhooks/1/t' }, context);
 * await sender.send(notification, AbortSignal.timeout(10_000));
 */
export function createWebhookSender(options: WebhookSenderOptions, context: Pick<SenderContext, 'http'>): Sender {
  const preset = presetOf(options.preset);
  const timeoutMs = Math.min(options.timeoutMs ?? context.http.timeoutMs, context.http.timeoutMs);
  const dispatchers = new Map<string, Dispatcher>();
  const dispatcherFor = (host: string): Dispatcher => {
    const proxied = usesProxy(host, context.http);
    const key = proxied ? 'proxy' : 'direct';
    let dispatcher = dispatchers.get(key);
    if (dispatcher === undefined) {
      dispatcher = createDispatcher(context.http, proxied);
      dispatchers.set(key, dispatcher);
    }
    return dispatcher;
  };
  let closed = false;
  const sendOne = async (request: WebhookRequest, id: string, signal: AbortSignal): Promise<void> => {
    const url = new URL(request.url);
    const timeout = AbortSignal.timeout(timeoutMs);
    let response;
    try {
      response = await fetch(url, {
        method: request.method,
        headers: {
          'content-type': 'application/json',
          'user-agent': 'mona-ecs',
          'idempotency-key': id,
          ...request.headers,
          ...options.headers,
        },
        body: JSON.stringify(request.body),
        signal: AbortSignal.any([signal, timeout]),
        dispatcher: dispatcherFor(url.hostname),
      });
    } catch (error) {
      throw classifyNetworkError(error, url.host, signal, timeout.aborted);
    }
    // Read the body so the connection goes back to the pool.
    await response.arrayBuffer().catch(() => undefined);
    if (!response.ok) throw classifyResponse(response.status, response.headers.get('retry-after'), preset, url.host, Date.now());
  };
  return {
    async send(notification, signal) {
      if (closed) throw new Error('webhook sender is closed');
      // Usually one request; PagerDuty resolves, then notes the completion. A failed one stops the rest,
      // and a retry sends them all again, which both services de-duplicate (dedup_key, alias).
      for (const request of preset.requests(notification, options)) await sendOne(request, notification.id, signal);
    },
    async close() {
      if (closed) return;
      closed = true;
      await Promise.all([...dispatchers.values()].map((d) => d.close().catch(() => undefined)));
    },
  };
}

function createDispatcher(http: SenderHttpSettings, proxied: boolean): Dispatcher {
  const connect = { rejectUnauthorized: http.rejectUnauthorized };
  if (proxied && http.proxyUrl !== undefined) return new ProxyAgent({ uri: http.proxyUrl, requestTls: connect });
  return new Agent({ connect });
}
