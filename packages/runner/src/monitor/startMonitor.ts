import { withOwnAccount } from './withOwnAccount.js';
import { monitorPipeline } from '@mona-ecs/core';
import { reduce } from '@mona-ecs/core/pipeline';
import type { Formatter, Logger } from '@mona-ecs/core';
import { createEcsSource } from '@mona-ecs/core/ecs';
import type { EcsSourceOptions, Enricher, SnapshotSource, SweepOutcome } from '@mona-ecs/core/ecs';
import { Subject } from 'rxjs';
import type { SchedulerLike } from 'rxjs';
import type { ResolvedConfig } from '../config/types.js';
import { createHealth } from '../ops/createHealth.js';
import type { Health } from '../ops/createHealth.js';
import { createMetrics } from '../ops/createMetrics.js';
import type { MonaMetrics } from '../ops/createMetrics.js';
import { startOpsServer } from '../ops/startOpsServer.js';
import type { OpsServer } from '../ops/startOpsServer.js';
import { closeSenders, createSenders, loadSenders } from '../plugins/createSenders.js';
import type { LiveSender } from '../plugins/createSenders.js';
import { loadFormatter } from '../plugins/loadFormatter.js';
import { createDestinations } from './createDestinations.js';
import { monitorOptionsOf } from './monitorOptionsOf.js';
import { durableDeliver } from '../state/durableDeliver.js';
import { openDurability } from '../state/openDurability.js';
import { replayOutbox } from '../state/replayOutbox.js';

/** Queues get this long to empty at shutdown (DESIGN §7: "a bounded time"). */
export const DRAIN_TIMEOUT_MS = 10_000;

/** What `startMonitor` needs from outside; everything but the logger has a default. */
export interface MonitorDeps {
  logger: Logger;
  /** Wall clock for health (epoch ms). Default `Date.now`. */
  now?: () => number;
  /** Replace the ECS source (tests, replays). */
  source?: SnapshotSource;
  /** Extra options for the default ECS source: a preconfigured `client`, an `endpoint`, … */
  ecs?: Partial<EcsSourceOptions>;
  scheduler?: SchedulerLike;
  /** Replace the ECS enricher. With an injected `source`, enrichment runs only when this is given. */
  enricher?: Enricher;
  drainTimeoutMs?: number;
  /**
   * Called with every sweep's outcome, good or failed, and before it with each part of the sweep
   * passed on as it landed (`interim` snapshots): `mona run --record` appends them to a file.
   */
  onSweep?(outcome: SweepOutcome): void;
  /** Use this formatter instead of the config's `templates`/`formatter` (the drop-in `mona()` API). */
  formatter?: Formatter;
  /** Use these senders instead of the config's plugins (the drop-in `mona()` API); closed on stop. */
  senders?: LiveSender[];
}

/** A running monitor. */
export interface RunningMonitor {
  metrics: MonaMetrics;
  health: Health;
  /** The ops server, when `http` is configured. */
  server?: OpsServer;
  /** Rejects if the stream dies (it is built never to: this is the last line of defence). */
  failed: Promise<never>;
  /**
   * Stop polling, drain every queue for at most `drainTimeoutMs`, close the senders and the
   * server. Idempotent. Aborting `hurry` (a second SIGTERM, say) cuts the wait short: what is
   * still queued is dropped, and logged as such, when the queues close.
   */
  stop(hurry?: AbortSignal): Promise<void>;
}

/**
 * Start monitoring as configured: create the senders (every plugin error surfaces here, before
 * any polling), start the ops server, then run core's `monitorPipeline` with options built
 * from the config (see `monitorOptionsOf`): ticks → sweep → reduce → enrich → format → route →
 * the senders' queues.
 *
 * @example
 * const monitor = await startMonitor(await loadConfig('mona.json'), { logger });
 * process.once('SIGTERM', () => void monitor.stop());
 */
export async function startMonitor(written: ResolvedConfig, deps: MonitorDeps): Promise<RunningMonitor> {
  const { logger } = deps;
  // A scripted source or injected client has no STS behind it: only the real ECS path looks the own account up.
  const config = deps.source || deps.ecs?.client || deps.ecs?.clientFor ? written : await withOwnAccount(written, logger);
  const now = deps.now ?? Date.now;
  const formatter = deps.formatter ?? (await loadFormatter(config));
  const checked = deps.senders === undefined ? await loadSenders(config) : undefined;
  let fail: (error: unknown) => void = () => {};
  const failed = new Promise<never>((_, reject) => (fail = reject));
  failed.catch(() => {}); // observed by whoever awaits it; never an unhandled rejection
  const durable = await openDurability(config, { logger, now, onLost: (error) => fail(error) });
  const live =
    deps.senders ??
    (await createSenders(checked ?? [], logger, config.delivery.attemptTimeoutMs, durable?.store).catch(async (error: unknown) => {
      await durable?.close();
      throw error;
    }));
  const metrics = createMetrics();
  const replication = durable?.replication;
  // With ECS events on, a cluster is swept at most every maxReconcileIntervalSeconds: staleness counts in those.
  const sweepEvery = config.events
    ? Math.max(config.checkIntervalSeconds, config.reconcileIntervalSeconds, config.maxReconcileIntervalSeconds)
    : config.checkIntervalSeconds;
  const health = createHealth(config.clusters, {
    checkIntervalSeconds: sweepEvery,
    now,
    ...(replication === undefined
      ? {}
      : { heldSince: (key: string) => replication.keeper.heldSince(key), leasesHealthy: () => replication.healthy() }),
  });
  let server: OpsServer | undefined;
  try {
    if (config.http) server = await startOpsServer(config.http, { health, metrics });
  } catch (error) {
    await closeSenders(live, logger);
    await durable?.close();
    throw error;
  }
  const destinations = createDestinations(live, config, { metrics, logger, durability: durable?.durability });
  // Stopping ends the ticks and sweeps but lets the events already out of the reducer finish
  // their enrichment (bounded by its budget): unsubscribing would drop them unsent.
  const stop$ = new Subject<void>();
  let ended: () => void = () => {};
  const streamEnded = new Promise<void>((resolve) => (ended = resolve));
  const options = monitorOptionsOf(config, deps, { metrics, health, destinations, formatter, stop$ });
  if (durable !== undefined) {
    // State: start from the checkpoints, put each notification in the outbox before its queue,
    // and deliver what the outbox kept from before the restart. With replicas, each cluster
    // does so when this replica takes its lease, and only held clusters are swept.
    if (replication === undefined) await durable.checkpointer.resume(config.clusters);
    options.reducer = durable.checkpointer.reducer(options.reducer ?? reduce);
    options.deliver = durableDeliver(durable.dispatch, logger, options.hooks);
    if (replication === undefined) await replayOutbox(durable.store, config.clusters, destinations, logger);
    else options.source = replication.start(options.source ?? createEcsSource(options.ecs), { destinations, metrics });
  }
  const subscription = monitorPipeline(options).subscribe({
    error: (error: unknown) => {
      logger.error({ err: error }, 'monitoring stream failed');
      ended();
      fail(error);
    },
    complete: () => ended(),
  });
  logger.info(
    {
      clusters: config.clusters,
      senders: live.map((s) => s.config.instanceName),
      http: server?.port,
      state: durable?.store.description ?? 'off',
      ...(replication === undefined ? {} : { replica: replication.keeper.holder }),
    },
    'mona started',
  );
  let stopping: Promise<void> | undefined;
  const stop = (hurry?: AbortSignal) =>
    (stopping ??= (async () => {
      const timeout = deps.drainTimeoutMs ?? DRAIN_TIMEOUT_MS;
      const startedAt = performance.now();
      stop$.next();
      await settleWithin(streamEnded, timeout, hurry);
      subscription.unsubscribe();
      const left = Math.max(0, timeout - (performance.now() - startedAt));
      const drains = Promise.all(destinations.map((d) => d.queue.drain(left))).then((all) => all.every(Boolean));
      if ((await settleWithin(drains, left, hurry)) !== true)
        logger.warn({ timeoutMs: timeout }, 'some notifications were not delivered before shutdown');
      await Promise.all(destinations.map((d) => d.queue.close()));
      await durable?.close();
      await server?.close();
      logger.info('mona stopped');
    })());
  return { metrics, health, failed, stop, ...(server ? { server } : {}) };
}

/** `promise`'s value, or undefined once `ms` have passed or `hurry` is aborted. */
async function settleWithin<T>(promise: Promise<T>, ms: number, hurry?: AbortSignal): Promise<T | undefined> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let onAbort = () => {};
  const giveUp = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => resolve(undefined), ms);
    onAbort = () => resolve(undefined);
    if (hurry?.aborted) onAbort();
    hurry?.addEventListener('abort', onAbort, { once: true });
  });
  try {
    return await Promise.race([promise, giveUp]);
  } finally {
    clearTimeout(timer);
    hurry?.removeEventListener('abort', onAbort);
  }
}
