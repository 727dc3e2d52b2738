import { SenderError, parseRetryAfter } from '@mona-ecs/core';
import type { Preset } from './webhookRequest.js';

/**
 * Turn a non-2xx answer into a `SenderError`: 408, 429 and 5xx may work later (with the wait
 * of `Retry-After`, seconds or an HTTP date, as `retryAfterMs`); any other 4xx will not, and the
 * message names what to fix. `host` only: the URL path and query may hold the webhook's token.
 *
 * @example
 * throw classifyResponse(429, '30', discordPreset, 'discord.com', Date.now()); // retryable, retryAfterMs 30000
 */
export function classifyResponse(status: number, retryAfter: string | null, preset: Preset, host: string, now: number): SenderError {
  const code =
    status === 429 ? 'MONA_WEBHOOK_RATE_LIMITED' : status >= 500 || status === 408 ? 'MONA_WEBHOOK_UNAVAILABLE' : 'MONA_WEBHOOK_REJECTED';
  if (status === 429 || status === 408 || status >= 500) {
    const retryAfterMs = parseRetryAfter(retryAfter, now);
    const what = status === 429 ? 'is rate limiting' : 'is unavailable';
    return new SenderError(`${preset.name} webhook at ${host} answered HTTP ${status}: the service ${what}`, {
      retryable: true,
      code,
      ...(retryAfterMs !== undefined && { retryAfterMs }),
    });
  }
  return new SenderError(`${preset.name} webhook at ${host} answered HTTP ${status}: ${preset.fixFor(status)}`, { retryable: false, code });
}
