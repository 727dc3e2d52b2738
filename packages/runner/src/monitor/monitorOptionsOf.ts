import { TaskStopHints, ecsClientCache, isGone } from '@mona-ecs/core/ecs';
import type { EcsClientOptions } from '@mona-ecs/core/ecs';
import type { Formatter, PipelineOptions } from '@mona-ecs/core';
import type { Observable } from 'rxjs';
import { createEnrichment } from './createEnrichment.js';
import type { ResolvedConfig } from '../config/types.js';
import type { Health } from '../ops/createHealth.js';
import type { MonaMetrics } from '../ops/createMetrics.js';
import type { LiveDestination } from './createDestinations.js';
import type { MonitorDeps } from './startMonitor.js';

/** What the runner built before the pipeline: its ops, its senders' destinations and the formatter. */
export interface PipelineParts {
  metrics: MonaMetrics;
  health: Health;
  destinations: readonly LiveDestination[];
  formatter: Formatter;
  /** Emits once on shutdown: the pipeline's graceful stop. */
  stop$: Observable<unknown>;
}

/**
 * Translate the runner config into `monitorPipeline` options: the ECS source's settings, the
 * reducer's, the enrichment step (see `createEnrichment`), the senders' destinations, and the
 * metrics and health hung on the pipeline's hooks.
 *
 * @example
 * monitorPipeline(monitorOptionsOf(config, deps, { metrics, health, destinations, formatter, stop$ }));
 */
export function monitorOptionsOf(config: ResolvedConfig, deps: MonitorDeps, parts: PipelineParts): PipelineOptions {
  const { metrics, health } = parts;
  const now = deps.now ?? Date.now;
  // One client per account and region (through the cluster's role), shared by the snapshot source and the enricher.
  const injected = deps.ecs?.client;
  const clientFor =
    deps.ecs?.clientFor ??
    (injected ? () => injected : ecsClientCache({ ...ecsClientOptionsOf(config), logger: deps.logger }, config.clusters));
  const options: PipelineOptions = {
    clusters: config.clusters,
    formatter: parts.formatter,
    destinations: parts.destinations,
    stop$: parts.stop$,
    checkIntervalSeconds: config.checkIntervalSeconds,
    logInterval: config.logInterval,
    logger: deps.logger,
    monitor: {
      secondsUntilAlert: config.secondsUntilAlert,
      timeoutFrom: config.timeoutFrom,
      degradedAfterFailures: config.degradedAfterFailures,
      recoveredAfterSweeps: config.recoveredAfterSweeps,
      ...(config.console ? { consoleAccess: config.console } : {}),
    },
    ecs: {
      refreshServicesInterval: config.refreshServicesInterval,
      serviceNamesOverride: config.serviceNamesOverride,
      logger: deps.logger,
      clientFor,
      ...(config.ecs.endpoint ? { endpoint: config.ecs.endpoint } : {}),
      ...(config.ecs.maxConcurrency ? { maxConcurrency: config.ecs.maxConcurrency } : {}),
      ...(config.ecs.requestsPerSecond ? { rateLimit: { requestsPerSecond: config.ecs.requestsPerSecond } } : {}),
      ...(config.ecs.sweepTimeoutSeconds ? { sweepTimeoutMs: config.ecs.sweepTimeoutSeconds * 1000 } : {}),
      hooks: {
        onApiCall: (action, result) => metrics.ecsApiCalls.inc({ action, result }),
      },
      ...deps.ecs,
    },
    hooks: {
      // A recording holds a sweep's parts too, so a replay reduces exactly what the live run did.
      onPart(part) {
        deps.onSweep?.(part);
      },
      onSweep(outcome, durationMs) {
        deps.onSweep?.(outcome);
        health.record(outcome);
        const result = outcome.kind === 'failure' ? 'failure' : outcome.partial ? 'partial' : 'success';
        // Same-named clusters in two regions or accounts are two clusters: both are in every label set.
        const where = { ...(outcome.account ? { account: outcome.account } : {}), cluster: outcome.cluster, region: outcome.region };
        metrics.sweeps.inc({ ...where, result });
        metrics.sweepDuration.observe(where, durationMs / 1000);
        if (outcome.kind === 'snapshot') {
          // Services being deleted ride along in `services` (for their removal reason): not monitored.
          const live = outcome.services.filter((s) => !isGone(s.status)).length;
          metrics.servicesMonitored.set(where, live);
          metrics.lastGoodSweep.set(where, Math.floor(now() / 1000));
        }
      },
      onDelivered({ notification }) {
        metrics.events.inc({ type: notification.event.type });
      },
    },
  };
  if (deps.source) options.source = deps.source;
  // ECS events fast path: Task State Change events carry stop reasons the enrichment then needs not look up.
  const taskStopHints = config.events ? new TaskStopHints() : undefined;
  if (config.events) {
    options.events = {
      ...config.events,
      reconcileIntervalSeconds: config.reconcileIntervalSeconds,
      maxReconcileIntervalSeconds: config.maxReconcileIntervalSeconds,
      ...(taskStopHints ? { hints: taskStopHints } : {}),
    };
  }
  // A scripted or replayed source has no live ECS behind it: enrich only when told how.
  const enrich =
    deps.source && !deps.enricher
      ? undefined
      : createEnrichment(config, {
          clientFor,
          logger: deps.logger,
          ...(deps.enricher ? { enricher: deps.enricher } : {}),
          ...(taskStopHints ? { taskStopHints } : {}),
        });
  if (enrich) options.enrich = enrich;
  if (deps.scheduler) options.scheduler = deps.scheduler;
  return options;
}

/** The ECS client settings of the config: endpoint and timeouts (core's defaults where unset). */
export function ecsClientOptionsOf(config: ResolvedConfig): EcsClientOptions {
  const { endpoint, connectTimeoutMs, requestTimeoutMs } = config.ecs;
  return {
    ...(endpoint ? { endpoint } : {}),
    ...(connectTimeoutMs ? { connectTimeoutMs } : {}),
    ...(requestTimeoutMs ? { requestTimeoutMs } : {}),
  };
}
