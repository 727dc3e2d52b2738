/**
 * Delay before retry number `retry` (1 for the first retry): exponential backoff with full
 * jitter, `random() * min(maxDelayMs, baseDelayMs * 2^(retry-1))`, so many Monas hitting one
 * webhook after an outage do not retry in lockstep. A `retryAfterMs` from the channel is a
 * floor: the wait is at least that long, even past `maxDelayMs` (the channel knows best).
 *
 * @example
 * backoffDelay(3, { baseDelayMs: 1_000, maxDelayMs: 60_000 }, () => 0.5); // 2_000
 * backoffDelay(1, { baseDelayMs: 1_000, maxDelayMs: 60_000 }, () => 0.5, 30_000); // 30_000
 */
export function backoffDelay(
  retry: number,
  policy: { baseDelayMs: number; maxDelayMs: number },
  random: () => number,
  retryAfterMs?: number,
): number {
  // Capping the exponent keeps 2^n finite for absurd retry counts.
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.min(Math.max(retry - 1, 0), 30));
  const jittered = Math.floor(Math.min(Math.max(random(), 0), 1) * ceiling);
  return Math.max(jittered, retryAfterMs !== undefined && retryAfterMs > 0 ? retryAfterMs : 0);
}
