/**
 * What the enricher needs of a rate limiter: the ECS source's `RateLimiter` fits, and so does
 * any other token bucket shared with the rest of the process.
 *
 * @example
 * const limiter: Limiter = new RateLimiter({ requestsPerSecond: 5, burst: 10 });
 * await limiter.acquire(signal);
 */
export interface Limiter {
  acquire(signal?: AbortSignal): Promise<void>;
}
