import { setTimeout as delay } from 'node:timers/promises';
import { MonaError } from '../errors.js';
import type { Logger } from '../model/logger.js';
import type { SenderPace } from '../sender/types.js';
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

/** When a backlog is sent as grouped messages (see the core README, "Storms"). */
export interface GroupingOptions {
  /** Default true. */
  enabled?: boolean;
  /** Group once more than this many notifications wait. Default: what the pace sends in 10 s (at least 5); 100 without a pace. */
  threshold?: number;
  /** Members per grouped message (Slack's 40,000-character limit). Default 50. */
  maxSize?: number;
}

/** Options of `createDeliveryQueue`; every one has a default (see the core README). */
export interface DeliveryQueueOptions {
  /** Sender instance name used in logs, e.g. `senders[0]:slack`. */
  name?: string;
  logger?: Logger;
  /** Per-attempt timeout; the attempt's `AbortSignal` aborts then. Default 10 s. */
  attemptTimeoutMs?: number;
  /** Optional cap on attempts per notification, the first included. Default none: the age limit bounds retries. */
  maxAttempts?: number;
  /** Age (from `enqueue`) after which a notification is no longer tried. Default 15 min. */
  maxAgeMs?: number;
  /** Backoff base and cap: the n-th retry waits `random() * min(maxDelayMs, baseDelayMs * 2^(n-1))`. Defaults 1 s, 30 s. */
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** How long a failing notification may hold the head of the queue while others wait. Default 30 s. */
  headOfLineMs?: number;
  /** Timed-out attempts after which the head no longer holds the queue. Default 2. */
  headOfLineTimeouts?: number;
  /** Overrides the sender's declared `pace`; `false` sends as fast as the channel answers. */
  pace?: SenderPace | false;
  /** Grouping of backlogs; `false` turns it off. */
  group?: GroupingOptions | false;
  /** Notifications waiting or in flight. Default 1,000. */
  capacity?: number;
  /** Default `dropOldest`: when a channel is down for long, the latest news matters most. */
  overflow?: OverflowPolicy;
  hooks?: DeliveryHooks;
  timers?: DeliveryTimers;
  /** A number in [0, 1): the jitter source. Default `Math.random`. */
  random?: () => number;
}

export type ResolvedDeliveryOptions = Required<Omit<DeliveryQueueOptions, 'hooks' | 'pace' | 'group'>> & {
  hooks: DeliveryHooks;
  /** Undefined: unpaced. */
  pace: Required<SenderPace> | undefined;
  /** Undefined: grouping off. */
  group: Required<GroupingOptions> | undefined;
};

/** Defaults of the delivery queue. */
export const DEFAULT_DELIVERY_OPTIONS = Object.freeze({
  attemptTimeoutMs: 10_000,
  maxAttempts: Number.POSITIVE_INFINITY,
  maxAgeMs: 15 * 60_000,
  baseDelayMs: 1_000,
  // Full jitter below a 30 s cap: a recovered channel is tried again within 30 s.
  maxDelayMs: 30_000,
  headOfLineMs: 30_000,
  headOfLineTimeouts: 2,
  capacity: 1_000,
  overflow: 'dropOldest' as OverflowPolicy,
  groupMaxSize: 50,
  /** Seconds of sending at the pace that a backlog may need before it is grouped. */
  groupHorizonSeconds: 10,
  groupThresholdUnpaced: 100,
});

/** Node's abortable `timers/promises` setTimeout. */
export const realTimers: DeliveryTimers = {
  now: () => Date.now(),
  sleep: (ms, signal) => delay(ms, undefined, { signal }).catch(() => undefined),
};

const silentLogger: Logger = {
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
  child: () => silentLogger,
};

/**
 * Fill in the defaults and reject nonsense (a zero capacity would drop everything silently).
 * `declaredPace` is the sender's own `pace`; `options.pace` overrides it.
 */
export function resolveDeliveryOptions(options: DeliveryQueueOptions, declaredPace?: SenderPace): ResolvedDeliveryOptions {
  const { pace, group, ...rest } = withoutUndefined(options);
  const base = {
    ...DEFAULT_DELIVERY_OPTIONS,
    name: 'sender',
    logger: silentLogger,
    hooks: {},
    timers: realTimers,
    random: Math.random,
    ...rest,
  };
  for (const key of ['attemptTimeoutMs', 'maxAttempts', 'maxAgeMs', 'capacity', 'headOfLineTimeouts'] as const) {
    if (!(base[key] >= 1)) invalid(`${key} must be a number ≥ 1`);
  }
  for (const key of ['baseDelayMs', 'maxDelayMs', 'headOfLineMs'] as const) {
    if (!(Number.isFinite(base[key]) && base[key] >= 0)) invalid(`${key} must be a number ≥ 0`);
  }
  if (base.overflow !== 'dropOldest' && base.overflow !== 'dropNewest') invalid('overflow must be dropOldest or dropNewest');
  const resolvedPace = resolvePace(pace === undefined ? declaredPace : pace);
  return {
    ...base,
    pace: resolvedPace,
    group: resolveGroup(group, resolvedPace),
  };
}

function resolvePace(pace: SenderPace | false | undefined): Required<SenderPace> | undefined {
  if (pace === undefined || pace === false) return undefined;
  if (!(Number.isFinite(pace.messagesPerSecond) && pace.messagesPerSecond > 0)) invalid('pace.messagesPerSecond must be a number > 0');
  const burst = pace.burst ?? 1;
  if (!(Number.isInteger(burst) && burst >= 1)) invalid('pace.burst must be an integer ≥ 1');
  return { messagesPerSecond: pace.messagesPerSecond, burst };
}

function resolveGroup(
  group: GroupingOptions | false | undefined,
  pace: Required<SenderPace> | undefined,
): Required<GroupingOptions> | undefined {
  if (group === false || group?.enabled === false) return undefined;
  const d = DEFAULT_DELIVERY_OPTIONS;
  const threshold =
    group?.threshold ??
    (pace === undefined ? d.groupThresholdUnpaced : Math.max(5, Math.ceil(pace.messagesPerSecond * d.groupHorizonSeconds)));
  const maxSize = group?.maxSize ?? d.groupMaxSize;
  if (!(Number.isInteger(threshold) && threshold >= 1)) invalid('group.threshold must be an integer ≥ 1');
  if (!(Number.isInteger(maxSize) && maxSize >= 2)) invalid('group.maxSize must be an integer ≥ 2');
  return { enabled: true, threshold, maxSize };
}

function invalid(problem: string): never {
  throw new MonaError('MONA_DELIVERY_OPTIONS_INVALID', `delivery queue options: ${problem}`);
}

function withoutUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
