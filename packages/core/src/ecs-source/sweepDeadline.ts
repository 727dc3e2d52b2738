import { MonaError } from '../errors.js';
import type { ClusterRef } from '../model/snapshot.js';
import { DESCRIBE_BATCH_SIZE } from './describeCluster.js';
import type { RateLimiter } from './RateLimiter.js';

/** The floor of a sweep's deadline: well past the request timeouts and SDK retries of one call. */
export const DEFAULT_SWEEP_TIMEOUT_MS = 60_000;

/** A sweep's own abort signal: the stream's, or the deadline's, whichever comes first. */
export interface SweepDeadline {
  signal: AbortSignal;
  /** True once the deadline (not the stream) aborted the sweep. */
  expired(): boolean;
  /** The error a sweep that ran out of time is reported with (`MONA_SWEEP_TIMEOUT`). */
  error(ref: ClusterRef): MonaError;
  /** Moves the deadline to `ms` after the sweep started (once the listing told how large the sweep is). */
  extend(ms: number): void;
  clear(): void;
}

/**
 * How long one sweep may take: `explicit` if set, else `DEFAULT_SWEEP_TIMEOUT_MS` plus the time
 * its calls need at an eighth of the rate limit (the slowest the adaptive limiter goes), so a
 * large cluster paced over several ticks is never cut short while a hung one is.
 *
 * @example
 * deadlineMs(undefined, 5_000, limiter); // 60 s + (500 Describe + 50 List) / (10/8 per s) = 500 s
 */
export function deadlineMs(explicit: number | undefined, services: number, limiter: RateLimiter): number {
  if (explicit !== undefined && explicit > 0) return explicit;
  const calls = Math.ceil(services / DESCRIBE_BATCH_SIZE) + Math.ceil(services / 100);
  return DEFAULT_SWEEP_TIMEOUT_MS + Math.ceil((calls * 1000) / (limiter.requestsPerSecond / 8));
}

/**
 * Arms a sweep's deadline. A sweep that cannot finish (a call that never answers, retried until
 * the SDK gives up, while the rest wait) is aborted at `ms` and reported as a failed sweep, so it
 * feeds the degraded count like any other failure instead of holding the cluster's monitoring.
 *
 * @example
 * const deadline = sweepDeadline(signal, 60_000);
 * try { await work(deadline.signal); } finally { deadline.clear(); }
 */
export function sweepDeadline(outer: AbortSignal | undefined, ms: number): SweepDeadline {
  const controller = new AbortController();
  const startedAt = Date.now();
  let expired = false;
  let timer: NodeJS.Timeout | undefined;
  const arm = (total: number): void => {
    clearTimeout(timer);
    timer = setTimeout(
      () => {
        expired = true;
        controller.abort(new Error(`sweep deadline of ${total} ms passed`));
      },
      Math.max(0, startedAt + total - Date.now()),
    );
    timer.unref?.();
  };
  const onAbort = () => controller.abort(outer?.reason);
  outer?.addEventListener('abort', onAbort, { once: true });
  if (outer?.aborted) onAbort();
  arm(ms);
  return {
    signal: controller.signal,
    expired: () => expired,
    error: (ref) =>
      new MonaError(
        'MONA_SWEEP_TIMEOUT',
        `the sweep of cluster ${ref.cluster} (${ref.region}) did not finish within ${Math.round(ms / 1000)} s: ECS calls hung or kept failing ` +
          '(raise ecs.sweepTimeoutSeconds only if the cluster is that slow to describe)',
      ),
    extend(total) {
      if (total > ms && !expired) {
        ms = total;
        arm(total);
      }
    },
    clear() {
      clearTimeout(timer);
      outer?.removeEventListener('abort', onAbort);
    },
  };
}
