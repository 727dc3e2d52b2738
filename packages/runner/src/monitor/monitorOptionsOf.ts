import { ecsClientCache } from '@mona/core';
import type { MonitorOptions } from '@mona/core';
import { createEnrichment } from './createEnrichment.js';
import type { ResolvedConfig } from '../config/types.js';
import type { Health } from '../ops/createHealth.js';
import type { MonaMetrics } from '../ops/createMetrics.js';
import type { MonitorDeps } from './startMonitor.js';

/**
 * Translate the runner config into `monitorClusters` options, with metrics and health hung on
 * the stream's hooks and the enrichment step (see `createEnrichment`).
 *
 * @example
 * monitorClusters(monitorOptionsOf(config, deps, { metrics, health }));
 */
export function monitorOptionsOf(
  config: ResolvedConfig,
  deps: MonitorDeps,
  parts: { metrics: MonaMetrics; health: Health },
): MonitorOptions {
  const { metrics, health } = parts;
  const now = deps.now ?? Date.now;
  // One client per region, shared by the snapshot source and the enricher.
  const injected = deps.ecs?.client;
  const clientFor =
    deps.ecs?.clientFor ?? (injected ? () => injected : ecsClientCache(config.ecs.endpoint ? { endpoint: config.ecs.endpoint } : {}));
  const options: MonitorOptions = {
    clusters: config.clusters,
    checkIntervalSeconds: config.checkIntervalSeconds,
    logInterval: config.logInterval,
    logger: deps.logger,
    monitor: {
      secondsUntilAlert: config.secondsUntilAlert,
      timeoutFrom: config.timeoutFrom,
      degradedAfterFailures: config.degradedAfterFailures,
    },
    ecs: {
      refreshServicesInterval: config.refreshServicesInterval,
      serviceNamesOverride: config.serviceNamesOverride,
      logger: deps.logger,
      clientFor,
      ...(config.ecs.endpoint ? { endpoint: config.ecs.endpoint } : {}),
      ...(config.ecs.maxConcurrency ? { maxConcurrency: config.ecs.maxConcurrency } : {}),
      ...(config.ecs.requestsPerSecond ? { rateLimit: { requestsPerSecond: config.ecs.requestsPerSecond } } : {}),
      hooks: {
        onApiCall: (action, result) => metrics.ecsApiCalls.inc({ action, result }),
      },
      ...deps.ecs,
    },
    hooks: {
      onSweep(outcome, durationMs) {
        deps.onSweep?.(outcome);
        health.record(outcome);
        const result = outcome.kind === 'failure' ? 'failure' : outcome.partial ? 'partial' : 'success';
        metrics.sweeps.inc({ cluster: outcome.cluster, result });
        metrics.sweepDuration.observe({ cluster: outcome.cluster }, durationMs / 1000);
        if (outcome.kind === 'snapshot') {
          metrics.servicesMonitored.set({ cluster: outcome.cluster }, outcome.services.length);
          metrics.lastGoodSweep.set({ cluster: outcome.cluster }, Math.floor(now() / 1000));
        }
      },
    },
  };
  if (deps.source) options.source = deps.source;
  // A scripted or replayed source has no live ECS behind it: enrich only when told how.
  const enrich = deps.source && !deps.enricher ? undefined : createEnrichment(config, { clientFor, logger: deps.logger, ...(deps.enricher ? { enricher: deps.enricher } : {}) });
  if (enrich) options.enrich = enrich;
  if (deps.scheduler) options.scheduler = deps.scheduler;
  return options;
}
