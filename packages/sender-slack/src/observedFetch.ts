/** What the last HTTP exchange of one send looked like; the SDKs' errors drop some of it. */
export interface HttpObservation {
  status?: number;
  retryAfterMs?: number;
}

/** The subset of `fetch` both Slack SDKs call (their `fetch` option). */
export type SlackFetch = (
  url: string | URL,
  init?: {
    method?: string;
    headers?: Record<string, string>;
    body?: string | FormData;
    redirect?: 'error' | 'follow' | 'manual';
    signal?: AbortSignal;
  },
) => Promise<Response>;

/**
 * Parse a `Retry-After` header (Slack sends delay-seconds) into milliseconds.
 *
 * @example
 * parseRetryAfter('30'); // 30_000
 */
export function parseRetryAfter(header: string | null | undefined): number | undefined {
  if (header === null || header === undefined || !/^\s*\d+\s*$/.test(header)) return undefined;
  return Number.parseInt(header, 10) * 1000;
}

/**
 * A `fetch` for the Slack SDKs that (1) aborts the request when the delivery queue aborts
 * `signal` — neither SDK takes a per-call signal — and (2) records the status and
 * `Retry-After` of the answer, because `IncomingWebhookHTTPError` keeps neither header.
 *
 * @example
 * const seen: HttpObservation = {};
 * new IncomingWebhook(url, { fetch: observedFetch(signal, seen) });
 */
export function observedFetch(signal: AbortSignal, seen: HttpObservation, fetchImpl: typeof fetch = fetch): SlackFetch {
  return async (url, init = {}) => {
    const signals = init.signal === undefined ? [signal] : [signal, init.signal];
    const response = await fetchImpl(url, { ...init, signal: AbortSignal.any(signals) });
    seen.status = response.status;
    const retryAfterMs = parseRetryAfter(response.headers.get('retry-after'));
    if (retryAfterMs === undefined) delete seen.retryAfterMs;
    else seen.retryAfterMs = retryAfterMs;
    return response;
  };
}
