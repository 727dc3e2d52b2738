/**
 * Node's and undici's codes for a request that got no answer (refused, reset, DNS, a socket or
 * connect timeout): the request may never have reached the service, so trying again is safe.
 */
export const NETWORK_ERROR_CODES: ReadonlySet<string> = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'UND_ERR_SOCKET',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
]);

/**
 * True when `error` is a request that got no answer: its code, or its `cause`'s (`fetch`
 * wraps the socket's error in `TypeError: fetch failed`), is one of `NETWORK_ERROR_CODES`, or it
 * timed out or was aborted (`TimeoutError`, `AbortError`). Senders use it to call such a failure
 * retryable without listing the codes again.
 *
 * @example
 * if (isNetworkError(error)) throw new SenderError(`no answer from ${host}`, { retryable: true, cause: error });
 */
export function isNetworkError(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { name, code, cause } = error as { name?: unknown; code?: unknown; cause?: unknown };
  if (name === 'AbortError' || name === 'TimeoutError') return true;
  if (typeof code === 'string' && NETWORK_ERROR_CODES.has(code)) return true;
  const causeCode = typeof cause === 'object' && cause !== null ? (cause as { code?: unknown }).code : undefined;
  return typeof causeCode === 'string' && NETWORK_ERROR_CODES.has(causeCode);
}
