import { ECSClient } from '@aws-sdk/client-ecs';
import { requestHandlerOptions } from './awsTimeouts.js';
import type { AwsTimeouts } from './awsTimeouts.js';
import { useTakeServices } from './takeServices.js';

/** How to build the ECS client of one region. */
export interface EcsClientOptions extends AwsTimeouts {
  /** Explicit endpoint (an emulator); otherwise the SDK reads `AWS_ENDPOINT_URL_ECS` / `AWS_ENDPOINT_URL`. */
  endpoint?: string;
}

/**
 * An ECS client for one region with the SDK's standard retries (3 attempts, backoff with
 * jitter), a connection and a request timeout (`DEFAULT_AWS_TIMEOUTS`: 3 s and 10 s, so a call
 * that never answers fails and is retried instead of holding the sweep), the parse-once
 * DescribeServices middleware (`useTakeServices`) and the SDK's handler cache (the middleware
 * chain is built once per command type, not on every call).
 *
 * Pacing is Mona's shared, adaptive `RateLimiter`, not the SDK's `adaptive` mode, whose
 * client-side limiter drops to 0.5 calls/s after one throttle (measured: 3 DescribeServices in
 * 5 s with 30 % throttled answers) and would stretch a large sweep to minutes. Everything else
 * follows the SDK's standard configuration (credential chain, `AWS_REGION` when `region` is
 * empty, `AWS_ENDPOINT_URL*`, `AWS_MAX_ATTEMPTS`), so Mona runs against an emulator unchanged.
 *
 * @example
 * const client = createEcsClient('eu-west-1');
 * const local = createEcsClient('eu-west-1', { endpoint: 'http://127.0.0.1:4566', requestTimeoutMs: 2_000 });
 */
export function createEcsClient(region: string, options: EcsClientOptions = {}): ECSClient {
  const client = new ECSClient({
    retryMode: 'standard',
    cacheMiddleware: true,
    requestHandler: requestHandlerOptions(options),
    ...(region ? { region } : {}),
    ...(options.endpoint ? { endpoint: options.endpoint } : {}),
  });
  useTakeServices(client);
  return client;
}

/**
 * A `clientFor(region)` that builds each region's client once and reuses it, so connections
 * and retry state are shared by every cluster of that region.
 *
 * @example
 * const clientFor = ecsClientCache({ endpoint: process.env.ECS_ENDPOINT, requestTimeoutMs: 5_000 });
 * clientFor('eu-west-1') === clientFor('eu-west-1'); // true
 */
export function ecsClientCache(options: EcsClientOptions = {}): (region: string) => ECSClient {
  const clients = new Map<string, ECSClient>();
  return (region) => {
    let client = clients.get(region);
    if (!client) {
      client = createEcsClient(region, options);
      clients.set(region, client);
    }
    return client;
  };
}
