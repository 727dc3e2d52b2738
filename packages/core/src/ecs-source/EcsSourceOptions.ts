import type { ECSClient } from '@aws-sdk/client-ecs';
import type { Logger } from '../model/logger.js';
import type { AwsTimeouts } from './awsTimeouts.js';
import type { EcsSourceHooks } from './callEcs.js';
import type { RateLimiter, RateLimitOptions } from './RateLimiter.js';

/** Options of `createEcsSource`. Every field is optional. */
export interface EcsSourceOptions extends AwsTimeouts {
  /** Re-list the services every this many ticks (tick 0 included). Default 20, the original mona's. */
  refreshServicesInterval?: number;
  /** Watch exactly these services and never call ListServices. An empty array means "list them". */
  serviceNamesOverride?: string[];
  /** DescribeServices batches in flight at once, per sweep. Default 4. */
  maxConcurrency?: number;
  /** Token bucket for the region's shared limiter. Default 10 requests/s, burst 10. */
  rateLimit?: RateLimitOptions;
  /** Use this limiter for every call instead of the process-wide one per account and region (see `sharedRateLimiter`). */
  rateLimiter?: RateLimiter;
  /**
   * The client of each account and region; default: one standard-retry client per account and
   * region, built on first use, through the cluster's `roleArn` when it names one (`ecsClientCache`).
   */
  clientFor?: (region: string, account?: string) => ECSClient;
  /** One client for every cluster, whatever its region (tests, a single-region tool). */
  client?: ECSClient;
  /** Explicit ECS endpoint for the default clients (an emulator); the SDK's `AWS_ENDPOINT_URL_ECS` otherwise. */
  endpoint?: string;
  logger?: Logger;
  /** Clock for `observedAt` and call durations (epoch ms). Default `Date.now`. */
  now?: () => number;
  hooks?: EcsSourceHooks;
  /**
   * Longest a sweep may take before it is given up and reported as a failed sweep
   * (`MONA_SWEEP_TIMEOUT`, counted towards `MonitorDegraded`). Default: 60 s plus the time its
   * calls need at an eighth of the rate limit (see `deadlineMs`). The default clients' connection
   * and request timeouts (`connectTimeoutMs`, `requestTimeoutMs`) are inherited from `AwsTimeouts`.
   */
  sweepTimeoutMs?: number;
  /** New service events kept per service per tick. Default 5. */
  maxEventsPerService?: number;
}

/**
 * Defaults of `createEcsSource`.
 *
 * @example
 * createEcsSource({ refreshServicesInterval: DEFAULT_ECS_SOURCE_OPTIONS.refreshServicesInterval * 2 });
 */
export const DEFAULT_ECS_SOURCE_OPTIONS = Object.freeze({
  refreshServicesInterval: 20,
  maxConcurrency: 4,
  maxEventsPerService: 5,
});
