import { SenderError } from '@mona-ecs/core';

/**
 * Turn a non-2xx answer into a `SenderError`: 408, 429 and 5xx may work later (429 honours
 * `Retry-After`, seconds or an HTTP date); any other 4xx will not (wrong URL, auth, payload).
 *
 * @example
 * throw classifyResponse(503, null, Date.now()); // retryable
 */
export function classifyResponse(status: number, retryAfter: string | null, now: number): SenderError {
  const retryable = status === 408 || status === 429 || status >= 500;
  const hint = retryable ? 'the endpoint is unavailable or throttling' : 'check the url and headers (auth) of the webhook';
  const retryAfterMs = status === 429 ? parseRetryAfter(retryAfter, now) : undefined;
  return new SenderError(`webhook answered HTTP ${status}: ${hint}`, {
    retryable,
    ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
  });
}

/** `Retry-After: 30` or `Retry-After: Wed, 21 Oct 2026 07:28:00 GMT` in ms from `now`. */
export function parseRetryAfter(value: string | null, now: number): number | undefined {
  if (value === null || value.trim() === '') return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds) && seconds >= 0) return Math.round(seconds * 1000);
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}
