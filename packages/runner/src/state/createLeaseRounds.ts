import type { Logger } from '@mona-ecs/core';
import type { LeaseChanges, LeaseKeeper } from './createLeaseKeeper.js';

/** When lease rounds run (see `createLeaseRounds`). */
export interface LeaseRounds {
  /**
   * Before a sweep: waits for the round in flight, or starts one when the last began at least
   * `everyMs` ago, so each tick sees current leases. Waits at most `everyMs` (a hung store call
   * never stalls the sweeps of leases still valid). Never rejects (a failed round is logged).
   */
  sync(): Promise<void>;
  /** How long rounds have been failing (since the last good one, or the start): 0 after a good round. */
  failingForMs(): number;
  /** Stops the safety timer and waits for the round in flight, at most `everyMs` (shutdown stays bounded). */
  stop(): Promise<void>;
}

export interface LeaseRoundsOptions {
  /** The check interval: rounds follow the sweeps' ticks, at most one per interval. */
  everyMs: number;
  /** A round at least this often even when no sweep asks (sweeps slower than the lease). */
  safetyMs: number;
  /** Called with each round's changes before the sweeps that waited for it go on. */
  onChanges(changes: LeaseChanges): Promise<void>;
  logger: Logger;
  now: () => number;
}

/**
 * Runs the lease keeper's rounds in step with the sweeps: the first tick of each check interval
 * starts a round and every sweep waits for it, so a cluster taken over is swept in the same
 * tick (takeover within `leaseSeconds` plus one interval) and a lost one is not swept again. A
 * timer adds a round every `safetyMs` so leases are renewed even while every sweep is slow.
 *
 * @example
 * const rounds = createLeaseRounds(keeper, { everyMs: 5_000, safetyMs: 10_000, onChanges, logger, now: Date.now });
 * await rounds.sync(); if (keeper.holds(key)) sweep();
 */
export function createLeaseRounds(keeper: LeaseKeeper, options: LeaseRoundsOptions): LeaseRounds {
  const { logger, now } = options;
  let inFlight: Promise<void> | undefined;
  let lastStart = Number.NEGATIVE_INFINITY;
  let stopped = false;
  const startedAt = now();
  let lastOk: number | undefined;
  let failing = true;

  const run = (): Promise<void> => {
    if (inFlight !== undefined) return inFlight;
    lastStart = now();
    const round = (async () => {
      try {
        await options.onChanges(await keeper.round());
        lastOk = now();
        failing = false;
      } catch (error) {
        failing = true;
        logger.warn({ err: error, holder: keeper.holder }, 'lease round failed: keeping the leases still valid, trying again next tick');
      } finally {
        inFlight = undefined;
      }
    })();
    inFlight = round;
    return round;
  };
  const due = (gapMs: number) => !stopped && now() - lastStart >= gapMs;
  const timer = setInterval(() => {
    if (due(options.safetyMs)) void run();
  }, options.safetyMs);
  timer.unref();

  return {
    async sync() {
      // Half an interval: the ticks of several clusters arrive together, and one round serves them all.
      const round = inFlight ?? (due(options.everyMs / 2) ? run() : undefined);
      if (round !== undefined) await within(round, options.everyMs);
    },
    failingForMs: () => (failing ? now() - (lastOk ?? startedAt) : 0),
    async stop() {
      stopped = true;
      clearInterval(timer);
      if (inFlight !== undefined) await within(inFlight, options.everyMs);
    },
  };
}

/** Waits for `promise`, or `ms`, whichever comes first. */
async function within(promise: Promise<void>, ms: number): Promise<void> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const bound = new Promise<void>((resolve) => (timer = setTimeout(resolve, ms)));
  await Promise.race([promise, bound]);
  clearTimeout(timer);
}
