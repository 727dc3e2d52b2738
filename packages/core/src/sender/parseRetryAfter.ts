/**
 * Read an HTTP `Retry-After` header in ms from `now`: delay-seconds (`30`) or an HTTP date
 * (`Wed, 21 Oct 2026 07:28:00 GMT`, RFC 9110 §10.2.3). A date in the past gives 0; a missing or
 * malformed value gives undefined (the delivery queue's backoff then decides).
 *
 * @example
 * parseRetryAfter('30', Date.now()); // 30000
 */
export function parseRetryAfter(value: string | null | undefined, now: number): number | undefined {
  if (value === null || value === undefined || value.trim() === '') return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  // Date.parse reads '-5' as a year: an HTTP date always names its day and month.
  if (!/[a-z]{3}/i.test(trimmed)) return undefined;
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}
