import type { ECSClient } from '@aws-sdk/client-ecs';
import { abortable } from '../abortable.js';
import type { RateLimiter } from './RateLimiter.js';

/** Result of one ECS API call, as reported to `hooks.onApiCall`. */
export type ApiCallResult = 'ok' | 'error' | 'throttled';

/** Observability hooks of the ECS source (metrics live in the runner). */
export interface EcsSourceHooks {
  /** After every ECS API call; `durationMs` includes the SDK's own retries, not the rate-limit wait. */
  onApiCall?(action: string, result: ApiCallResult, durationMs: number): void;
}

/** What every ECS call of one sweep shares. */
export interface EcsCallContext {
  client: ECSClient;
  limiter: RateLimiter;
  now: () => number;
  hooks?: EcsSourceHooks | undefined;
  signal?: AbortSignal | undefined;
}

/**
 * Sends one ECS command through the shared rate limiter and reports it to the hooks. Every ECS
 * call of the source goes through here, so none can bypass the bucket.
 *
 * No options object reaches `client.send`: with one, the SDK rebuilds the command's middleware
 * chain on every call instead of using its handler cache. An abort (the stream unsubscribed, or
 * the sweep's deadline passed) stops the wait at once instead; the abandoned request ends by
 * itself within the client's request timeout.
 *
 * @example
 * const out = await callEcs(ctx, 'ListServices', (client) => client.send(new ListServicesCommand({ cluster, maxResults: 100 })));
 */
export async function callEcs<Output>(ctx: EcsCallContext, action: string, send: (client: ECSClient) => Promise<Output>): Promise<Output> {
  await ctx.limiter.acquire(ctx.signal);
  const startedAt = ctx.now();
  try {
    // Promise.resolve: an injected or mocked client may answer synchronously.
    const work = Promise.resolve(send(ctx.client));
    const output = await (ctx.signal ? abortable(work, ctx.signal) : work);
    // A call that needed SDK retries met throttling or a server error: ease off all the same.
    if (retried(output)) ctx.limiter.slowDown();
    else ctx.limiter.speedUp();
    ctx.hooks?.onApiCall?.(action, 'ok', ctx.now() - startedAt);
    return output;
  } catch (error) {
    const throttled = isThrottling(error);
    if (throttled) ctx.limiter.slowDown();
    ctx.hooks?.onApiCall?.(action, throttled ? 'throttled' : 'error', ctx.now() - startedAt);
    throw error;
  }
}

function retried(output: unknown): boolean {
  const attempts = (output as { $metadata?: { attempts?: unknown } } | null)?.$metadata?.attempts;
  return typeof attempts === 'number' && attempts > 1;
}

const THROTTLING_NAMES = new Set(['ThrottlingException', 'TooManyRequestsException', 'RequestLimitExceeded', 'Throttling']);

/** True for the errors ECS uses to say "slow down". */
export function isThrottling(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const e = error as { name?: unknown; $retryable?: { throttling?: boolean } };
  return (typeof e.name === 'string' && THROTTLING_NAMES.has(e.name)) || e.$retryable?.throttling === true;
}
