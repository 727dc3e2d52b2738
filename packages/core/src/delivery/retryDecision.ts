import { isSenderError } from '../errors.js';
import { backoffDelay } from './backoffDelay.js';
import type { ResolvedDeliveryOptions } from './deliveryOptions.js';

/** Retry after `delayMs`, or give up for `reason`. */
export type RetryDecision = { retry: true; delayMs: number } | { retry: false; reason: string };

/**
 * Decide what follows a failed attempt. A `SenderError` says whether a retry can help; any
 * other error is treated as retryable, because unclassified failures are overwhelmingly
 * network-level (ECONNRESET, DNS, a proxy timeout) and the age limit bounds the cost.
 *
 * Retries are bounded by age, not by a count: a backoff that would end past `maxAgeMs` is cut
 * short so that the last attempt is made at the age limit. A `retryAfterMs` is the channel's
 * own word and is never cut short: when it ends past the age limit, the notification is given
 * up at once, and the reason says so.
 *
 * @example
 * retryDecision(error, { attempts: 2, enqueuedAt }, now, options); // { retry: true, delayMs: 1432 }
 */
export function retryDecision(
  error: unknown,
  entry: { attempts: number; enqueuedAt: number },
  now: number,
  options: Pick<ResolvedDeliveryOptions, 'maxAttempts' | 'maxAgeMs' | 'baseDelayMs' | 'maxDelayMs' | 'random'>,
): RetryDecision {
  if (isSenderError(error) && !error.retryable) return { retry: false, reason: 'not retryable' };
  if (entry.attempts >= options.maxAttempts) return { retry: false, reason: `gave up after ${entry.attempts} attempts` };
  const leftMs = entry.enqueuedAt + options.maxAgeMs - now;
  const retryAfterMs = isSenderError(error) ? error.retryAfterMs : undefined;
  if (retryAfterMs !== undefined && retryAfterMs > leftMs) {
    return {
      retry: false,
      reason:
        `the channel asked to wait ${seconds(retryAfterMs)} s (Retry-After), beyond the age limit ` +
        `(${seconds(Math.max(leftMs, 0))} s left of ${seconds(options.maxAgeMs)} s)`,
    };
  }
  if (leftMs <= 0) return { retry: false, reason: `older than the age limit of ${seconds(options.maxAgeMs)} s` };
  const delayMs = backoffDelay(entry.attempts, options, options.random, retryAfterMs);
  return { retry: true, delayMs: Math.min(delayMs, leftMs) };
}

function seconds(ms: number): string {
  return String(Math.round(ms / 100) / 10);
}
