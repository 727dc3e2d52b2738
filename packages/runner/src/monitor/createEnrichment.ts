import type { ECSClient } from '@aws-sdk/client-ecs';
import { cloudTrailClientCache, createEcsEnricher, enrichEvents } from '@mona-ecs/core/ecs';
import type { Logger, MonitorEvent } from '@mona-ecs/core';
import type { Enricher, EnrichInput, TaskStopHints } from '@mona-ecs/core/ecs';
import type { OperatorFunction } from 'rxjs';
import type { ResolvedConfig } from '../config/types.js';
import { ecsClientOptionsOf } from './monitorOptionsOf.js';

/**
 * The enrichment step of the stream, or undefined when `enrichment.enabled` is false. Uses
 * `enricher` when given (tests, custom lookups), else core's ECS enricher over the same ECS
 * clients as the snapshot source, plus CloudTrail clients when `whoDeployed` is on.
 *
 * @example
 * const enrich = createEnrichment(config, { clientFor, logger });
 * monitorClusters({ ..., ...(enrich ? { enrich } : {}) });
 */
export function createEnrichment(
  config: ResolvedConfig,
  parts: { clientFor: (region: string, account?: string) => ECSClient; logger: Logger; enricher?: Enricher; taskStopHints?: TaskStopHints },
): OperatorFunction<EnrichInput, MonitorEvent> | undefined {
  if (!config.enrichment.enabled) return undefined;
  const enricher =
    parts.enricher ??
    createEcsEnricher({
      clientFor: parts.clientFor,
      // The source's endpoint too: the enricher's clients talk to the same ECS.
      ...(config.ecs.endpoint ? { endpoint: config.ecs.endpoint } : {}),
      whoDeployed: config.enrichment.whoDeployed,
      logger: parts.logger,
      // With ECS events on: stopped tasks from Task State Change events, no ListTasks/DescribeTasks.
      ...(parts.taskStopHints ? { taskStopHints: parts.taskStopHints } : {}),
      ...(config.enrichment.whoDeployed ? { cloudTrailFor: cloudTrailClientCache(ecsClientOptionsOf(config)) } : {}),
    });
  return enrichEvents(enricher, {
    logger: parts.logger,
    ...(config.enrichment.budgetMs === undefined ? {} : { budgetMs: config.enrichment.budgetMs }),
  });
}
