import { setTimeout as delay } from 'node:timers/promises';
import { MonaError } from '../errors.js';

/** Pacing for ECS API calls: a token bucket. */
export interface RateLimitOptions {
  /** Tokens added per second (sustained calls per second). Default 10. */
  requestsPerSecond?: number;
  /** Bucket size: calls allowed back to back after a quiet period. Default 10. */
  burst?: number;
}

/** Injected clock and sleep, so tests pace calls in virtual time. */
export interface RateLimiterClock {
  now(): number;
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

/**
 * Default pacing: half of ECS's refill rate (20/s), leaving room for the console, CI and Terraform.
 *
 * @example
 * new RateLimiter(DEFAULT_RATE_LIMIT);
 */
export const DEFAULT_RATE_LIMIT: Readonly<Required<RateLimitOptions>> = Object.freeze({
  requestsPerSecond: 10,
  burst: 10,
});

/**
 * A token bucket shared by every ECS call to one account/region. ECS throttles ListServices and
 * DescribeServices from one bucket per account and region (DESIGN §8) that the console, CI and
 * Terraform share too, so Mona paces itself well under it.
 *
 * It is also adaptive (AIMD): `slowDown()` (ECS throttled, or the SDK had to retry) halves the
 * refill rate, down to an eighth of `requestsPerSecond`; each `speedUp()` (a clean call) adds a
 * twentieth back, up to `requestsPerSecond`. This replaces the SDK's `retryMode: 'adaptive'`,
 * whose own client-side limiter falls to 0.5 calls/s after a single throttle and then makes a
 * 1,000-service sweep (100 calls) take minutes.
 *
 * Callers reserve a token at once (the balance may go negative) and wait until their reservation
 * is covered: no polling loop, and callers are served in arrival order.
 *
 * @example
 * const limiter = new RateLimiter({ requestsPerSecond: 10, burst: 10 });
 * await limiter.acquire(signal);
 * await client.send(new DescribeServicesCommand(input));
 */
export class RateLimiter {
  readonly requestsPerSecond: number;
  readonly burst: number;
  private readonly clock: RateLimiterClock;
  private tokens: number;
  private refilledAt: number;
  private rate: number;

  constructor(options: RateLimitOptions = {}, clock: RateLimiterClock = realClock) {
    this.requestsPerSecond = positive(options.requestsPerSecond ?? DEFAULT_RATE_LIMIT.requestsPerSecond, 'requestsPerSecond');
    this.burst = positive(options.burst ?? DEFAULT_RATE_LIMIT.burst, 'burst');
    this.clock = clock;
    this.tokens = this.burst;
    this.refilledAt = clock.now();
    this.rate = this.requestsPerSecond;
  }

  /** The refill rate in force now (≤ `requestsPerSecond`; lower after throttling). */
  get currentRate(): number {
    return this.rate;
  }

  /** ECS pushed back (a throttle, or a call the SDK had to retry): halve the rate. */
  slowDown(): void {
    this.refill();
    this.rate = Math.max(this.requestsPerSecond / 8, this.rate / 2);
  }

  /** A clean call: give back a twentieth of the configured rate. */
  speedUp(): void {
    if (this.rate >= this.requestsPerSecond) return;
    this.refill();
    this.rate = Math.min(this.requestsPerSecond, this.rate + this.requestsPerSecond / 20);
  }

  /**
   * Resolves when the caller may make one call; rejects with the signal's reason if aborted
   * while waiting (the reservation is then given back).
   */
  async acquire(signal?: AbortSignal): Promise<void> {
    signal?.throwIfAborted();
    const waitMs = this.reserve();
    if (waitMs <= 0) return;
    try {
      await this.clock.sleep(waitMs, signal);
    } catch (error) {
      this.tokens += 1;
      throw error;
    }
  }

  /** Milliseconds a call made now would wait (0 when a token is available). */
  delayMs(): number {
    this.refill();
    return this.tokens >= 1 ? 0 : Math.ceil(((1 - this.tokens) * 1000) / this.rate);
  }

  private reserve(): number {
    this.refill();
    this.tokens -= 1;
    return this.tokens >= 0 ? 0 : Math.ceil((-this.tokens * 1000) / this.rate);
  }

  private refill(): void {
    const now = this.clock.now();
    const elapsed = Math.max(0, now - this.refilledAt);
    this.refilledAt = now;
    this.tokens = Math.min(this.burst, this.tokens + (elapsed * this.rate) / 1000);
  }
}

function positive(value: number, name: string): number {
  if (!Number.isFinite(value) || value <= 0) {
    throw new MonaError('MONA_BAD_RATE_LIMIT', `rateLimit.${name} must be a positive number, got ${String(value)}`);
  }
  return value;
}

// Node's own abortable timer: on abort it rejects (an AbortError whose cause is the signal's reason).
const realClock: RateLimiterClock = { now: () => Date.now(), sleep: (ms, signal) => delay(ms, undefined, signal ? { signal } : {}) };
