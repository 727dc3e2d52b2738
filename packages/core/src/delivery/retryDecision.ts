import { isSenderError } from '../errors.js';
import { backoffDelay } from './backoffDelay.js';
import type { ResolvedDeliveryOptions } from './deliveryOptions.js';

/** Retry after `delayMs`, or give up for `reason`. */
export type RetryDecision = { retry: true; delayMs: number } | { retry: false; reason: string };

/**
 * Decide what follows a failed attempt. A `SenderError` says whether a retry can help; any
 * other error is treated as retryable, because unclassified failures are overwhelmingly
 * network-level (ECONNRESET, DNS, a proxy timeout) and the attempt and age limits bound the cost.
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
  const retryAfterMs = isSenderError(error) ? error.retryAfterMs : undefined;
  const delayMs = backoffDelay(entry.attempts, options, options.random, retryAfterMs);
  if (now + delayMs - entry.enqueuedAt > options.maxAgeMs) {
    return { retry: false, reason: `older than ${options.maxAgeMs} ms at the next attempt` };
  }
  return { retry: true, delayMs };
}
