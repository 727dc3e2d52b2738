import { CloudTrailClient } from '@aws-sdk/client-cloudtrail';
import type { ECSClient } from '@aws-sdk/client-ecs';
import { createEcsEnricher, enrichEvents } from '@mona-ecs/core/ecs';
import type { Logger, MonitorEvent } from '@mona-ecs/core';
import type { Enricher, EnrichInput } from '@mona-ecs/core/ecs';
import type { OperatorFunction } from 'rxjs';
import type { ResolvedConfig } from '../config/types.js';

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
  parts: { clientFor: (region: string) => ECSClient; logger: Logger; enricher?: Enricher },
): OperatorFunction<EnrichInput, MonitorEvent> | undefined {
  if (!config.enrichment.enabled) return undefined;
  const enricher =
    parts.enricher ??
    createEcsEnricher({
      clientFor: parts.clientFor,
      // The source's endpoint too, so both pace against one bucket (see sharedRateLimiter).
      ...(config.ecs.endpoint ? { endpoint: config.ecs.endpoint } : {}),
      whoDeployed: config.enrichment.whoDeployed,
      logger: parts.logger,
      ...(config.enrichment.whoDeployed ? { cloudTrailFor: cloudTrailCache() } : {}),
    });
  return enrichEvents(enricher, {
    logger: parts.logger,
    ...(config.enrichment.budgetMs === undefined ? {} : { budgetMs: config.enrichment.budgetMs }),
  });
}

/**
 * One CloudTrail client per region, with one attempt per call: LookupEvents allows 2 requests/s
 * per account and region, and core's enricher paces its calls to that; SDK retries would go
 * around the pacing. A failed lookup only means the message goes out without "deployed by".
 */
export function cloudTrailCache(): (region: string) => CloudTrailClient {
  const clients = new Map<string, CloudTrailClient>();
  return (region) => {
    let client = clients.get(region);
    if (!client) {
      client = new CloudTrailClient({ region, maxAttempts: 1 });
      clients.set(region, client);
    }
    return client;
  };
}
