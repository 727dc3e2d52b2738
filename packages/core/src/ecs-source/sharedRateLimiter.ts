import { RateLimiter } from './RateLimiter.js';
import type { RateLimitOptions } from './RateLimiter.js';

const registry = new Map<string, RateLimiter>();

/**
 * The process-wide rate limiter for one region and endpoint. ECS throttles per account and
 * region, and a process normally runs with one set of credentials, so region + endpoint stands
 * for "account/region": every ECS source (and every cluster) in the process that talks to it
 * shares the same bucket. The first caller's options win; later callers with other options get
 * the existing limiter (pass your own `RateLimiter` to `createEcsSource` to opt out).
 *
 * @example
 * const limiter = sharedRateLimiter('eu-west-1', undefined, { requestsPerSecond: 5 });
 * sharedRateLimiter('eu-west-1') === limiter; // true
 */
export function sharedRateLimiter(region: string, endpoint?: string, options?: RateLimitOptions): RateLimiter {
  const key = `${region}|${endpoint ?? ''}`;
  let limiter = registry.get(key);
  if (!limiter) {
    limiter = new RateLimiter(options);
    registry.set(key, limiter);
  }
  return limiter;
}
