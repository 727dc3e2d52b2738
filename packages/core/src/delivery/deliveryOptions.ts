import { MonaError } from '../errors.js';
import type { Logger } from '../model/logger.js';
import type { DeliveryHooks } from './types.js';

/** What to do with a notification when the queue is full. */
export type OverflowPolicy = 'dropOldest' | 'dropNewest';

/**
 * Time as the queue sees it, injectable so tests run without real waiting. `sleep` resolves
 * after `ms`, or as soon as `signal` aborts (it never rejects).
 */
export interface DeliveryTimers {
  now(): number;
  sleep(ms: number, signal: AbortSignal): Promise<void>;
}

/** Options of `createDeliveryQueue`; every one has a default (see the core README). */
export interface DeliveryQueueOptions {
  /** Sender instance name used in logs, e.g. `senders[0]:slack`. */
  name?: string;
  logger?: Logger;
  /** Per-attempt timeout; the attempt's `AbortSignal` aborts then. Default 10 s. */
  attemptTimeoutMs?: number;
  /** Attempts per notification, the first included. Default 6. */
  maxAttempts?: number;
  /** Age (from `enqueue`) after which a notification is no longer tried. Default 15 min. */
  maxAgeMs?: number;
  /** Backoff base and cap: the n-th retry waits `random() * min(maxDelayMs, baseDelayMs * 2^(n-1))`. Defaults 1 s, 60 s. */
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** Notifications waiting or in flight. Default 1,000. */
  capacity?: number;
  /** Default `dropOldest`: when a channel is down for long, the latest news matters most. */
  overflow?: OverflowPolicy;
  hooks?: DeliveryHooks;
  timers?: DeliveryTimers;
  /** A number in [0, 1): the jitter source. Default `Math.random`. */
  random?: () => number;
}

export type ResolvedDeliveryOptions = Required<Omit<DeliveryQueueOptions, 'hooks'>> & { hooks: DeliveryHooks };

/** Defaults of the delivery queue, as the issue specifies them. */
export const DEFAULT_DELIVERY_OPTIONS = Object.freeze({
  attemptTimeoutMs: 10_000,
  maxAttempts: 6,
  maxAgeMs: 15 * 60_000,
  baseDelayMs: 1_000,
  maxDelayMs: 60_000,
  capacity: 1_000,
  overflow: 'dropOldest' as OverflowPolicy,
});

/** setTimeout-based timers; work with `vi.useFakeTimers()` too. */
export const realTimers: DeliveryTimers = {
  now: () => Date.now(),
  sleep: (ms, signal) =>
    new Promise<void>((resolve) => {
      if (signal.aborted) return resolve();
      const timer = setTimeout(done, ms);
      function done(): void {
        clearTimeout(timer);
        signal.removeEventListener('abort', done);
        resolve();
      }
      signal.addEventListener('abort', done, { once: true });
    }),
};

const silentLogger: Logger = {
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
  child: () => silentLogger,
};

/** Fill in the defaults and reject nonsense (a zero capacity would drop everything silently). */
export function resolveDeliveryOptions(options: DeliveryQueueOptions): ResolvedDeliveryOptions {
  const resolved: ResolvedDeliveryOptions = {
    ...DEFAULT_DELIVERY_OPTIONS,
    name: 'sender',
    logger: silentLogger,
    hooks: {},
    timers: realTimers,
    random: Math.random,
    ...withoutUndefined(options),
  };
  for (const key of ['attemptTimeoutMs', 'maxAttempts', 'maxAgeMs', 'capacity'] as const) {
    if (!(Number.isFinite(resolved[key]) && resolved[key] >= 1)) invalid(`${key} must be a number ≥ 1`);
  }
  for (const key of ['baseDelayMs', 'maxDelayMs'] as const) {
    if (!(Number.isFinite(resolved[key]) && resolved[key] >= 0)) invalid(`${key} must be a number ≥ 0`);
  }
  if (resolved.overflow !== 'dropOldest' && resolved.overflow !== 'dropNewest') invalid('overflow must be dropOldest or dropNewest');
  return resolved;
}

function invalid(problem: string): never {
  throw new MonaError('MONA_DELIVERY_OPTIONS_INVALID', `delivery queue options: ${problem}`);
}

function withoutUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
