import { RateLimiter } from './RateLimiter.js';
import type { RateLimitOptions } from './RateLimiter.js';

const registry = new Map<string, RateLimiter>();

/**
 * The process-wide rate limiter for one account, region and endpoint: ECS throttles per account
 * and region, so every ECS source, enricher and `mona wait` in the process that talks to that
 * account and region shares the same bucket. `account` is the cluster's account label
 * (`ClusterRef.account`); absent, the process's own account. The first caller's options win;
 * later callers with other options get the existing limiter (pass your own `RateLimiter` to
 * `createEcsSource` to opt out).
 *
 * @example
 * const limiter = sharedRateLimiter('eu-west-1', undefined, { requestsPerSecond: 5 });
 * sharedRateLimiter('eu-west-1') === limiter; // true
 * sharedRateLimiter('eu-west-1', undefined, undefined, 'payments') !== limiter; // another account, another bucket
 */
export function sharedRateLimiter(region: string, endpoint?: string, options?: RateLimitOptions, account?: string): RateLimiter {
  const key = `${account ?? ''}|${region}|${endpoint ?? ''}`;
  let limiter = registry.get(key);
  if (!limiter) {
    limiter = new RateLimiter(options);
    registry.set(key, limiter);
  }
  return limiter;
}
