/**
 * A token bucket on an injected clock, the model AWS documents for ECS API throttling: a burst
 * of `capacity` requests, refilled continuously at `refillPerSecond`.
 *
 * @example
 * const bucket = new TokenBucket({ capacity: 100, refillPerSecond: 20 }, () => clock.now());
 * if (!bucket.take()) throw new AwsApiError('ThrottlingException', 'Rate exceeded');
 */
export class TokenBucket {
  private tokens: number;
  private last: number;

  constructor(
    private readonly options: { capacity: number; refillPerSecond: number },
    private readonly now: () => number,
  ) {
    this.tokens = options.capacity;
    this.last = now();
  }

  /** Takes one token; false when the bucket is empty (the request is throttled). */
  take(): boolean {
    this.refill();
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }

  /** Tokens left now, for tests and diagnostics. */
  available(): number {
    this.refill();
    return Math.floor(this.tokens);
  }

  private refill(): void {
    const now = this.now();
    const elapsedMs = Math.max(0, now - this.last);
    this.last = now;
    this.tokens = Math.min(this.options.capacity, this.tokens + (elapsedMs / 1000) * this.options.refillPerSecond);
  }
}
