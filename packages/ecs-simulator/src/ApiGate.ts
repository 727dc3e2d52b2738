import { AwsApiError } from './errors.js';
import { TokenBucket } from './TokenBucket.js';

/** The actions that share ECS's DescribeServices/ListServices throttling bucket. */
const BUCKETED = new Set(['DescribeServices', 'ListServices']);

/** Throttling options of the simulator. */
export interface ThrottleOptions {
  /** AWS's bucket model: `true` for 100 requests refilled at 20/s, or your own numbers. */
  throttle?: boolean | { capacity: number; refillPerSecond: number };
  /** Fraction (0..1) of ECS calls answered with ThrottlingException at random (seeded). */
  throttleRate?: number;
}

/**
 * Counts every API call by action and decides whether it is throttled: first the random fault
 * injection, then the shared token bucket. Throttled calls are counted too, as AWS bills and
 * throttles attempts, not successes.
 *
 * @example
 * const gate = new ApiGate({ throttle: true }, () => clock.now(), seededRandom(1));
 * gate.admit('DescribeServices'); // throws AwsApiError('ThrottlingException') when the bucket is empty
 */
export class ApiGate {
  /** Calls per action since the last reset, including throttled ones. */
  readonly calls: Record<string, number> = {};
  /** Throttled calls per action since the last reset. */
  readonly throttled: Record<string, number> = {};
  private readonly bucket: TokenBucket | undefined;
  private rate: number;

  constructor(
    options: ThrottleOptions,
    now: () => number,
    private readonly random: () => number,
  ) {
    const spec = options.throttle === true ? { capacity: 100, refillPerSecond: 20 } : options.throttle || undefined;
    this.bucket = spec ? new TokenBucket(spec, now) : undefined;
    this.rate = Math.max(0, Math.min(1, options.throttleRate ?? 0));
  }

  /** Records a call; throws a ThrottlingException if it must be throttled. */
  admit(action: string): void {
    this.calls[action] = (this.calls[action] ?? 0) + 1;
    const injected = this.rate > 0 && this.random() < this.rate;
    const bucketEmpty = !injected && this.bucket !== undefined && BUCKETED.has(action) && !this.bucket.take();
    if (injected || bucketEmpty) {
      this.throttled[action] = (this.throttled[action] ?? 0) + 1;
      throw new AwsApiError('ThrottlingException', 'Rate exceeded');
    }
  }

  /** Changes the fraction of calls answered with ThrottlingException, from the next call on. */
  setRate(rate: number): void {
    this.rate = Math.max(0, Math.min(1, rate));
  }

  /** The fraction of calls answered with ThrottlingException. */
  get throttleRate(): number {
    return this.rate;
  }

  /** Tokens left in the shared bucket (undefined without the throttling model). */
  tokens(): number | undefined {
    return this.bucket?.available();
  }

  /** Forgets the call and throttle counts (not the bucket). */
  reset(): void {
    for (const key of Object.keys(this.calls)) delete this.calls[key];
    for (const key of Object.keys(this.throttled)) delete this.throttled[key];
  }
}
