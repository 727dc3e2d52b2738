import { DescribeTaskDefinitionCommand, ECSClient } from '@aws-sdk/client-ecs';
import type { EnrichInput } from '@mona-ecs/core/ecs';
import { RateLimiter, sharedRateLimiter } from '@mona-ecs/core/ecs';
import { recordingLogger, sampleEvents } from '@mona-ecs/core/testing';
import { mockClient } from 'aws-sdk-client-mock';
import { lastValueFrom, of } from 'rxjs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseConfig } from '../config/loadConfig.js';
import { cloudTrailCache, createEnrichment } from './createEnrichment.js';

describe('cloudTrailCache', () => {
  it('makes one CloudTrail client per region with a single attempt, so only core paces LookupEvents', async () => {
    // Prepare
    const clientFor = cloudTrailCache();
    // Act
    const first = clientFor('eu-west-1');
    const again = clientFor('eu-west-1');
    const attempts = await first.config.maxAttempts();
    // Assess
    expect(again).toBe(first);
    expect(attempts).toBe(1);
    expect(await first.config.region()).toBe('eu-west-1');
  });
});

describe('createEnrichment', () => {
  const ecs = mockClient(ECSClient);
  afterEach(() => {
    ecs.reset();
    vi.restoreAllMocks();
  });

  it("paces its ECS lookups in the snapshot source's bucket when an endpoint is set", async () => {
    // Prepare: a deployment whose task definitions the enricher compares
    const endpoint = 'http://127.0.0.1:4566';
    const config = parseConfig(JSON.stringify({ ecsCluster: 'prod', AWSRegion: 'eu-west-1', ecs: { endpoint } }), {
      configPath: 'mona.json',
      env: {},
    });
    const event = sampleEvents().find((e) => e.type === 'DeploymentStarted');
    if (!event) throw new Error('no sample DeploymentStarted');
    ecs.on(DescribeTaskDefinitionCommand).resolves({ taskDefinition: { containerDefinitions: [] } });
    const acquire = vi.spyOn(RateLimiter.prototype, 'acquire').mockResolvedValue();
    const enrich = createEnrichment(config, { clientFor: (region) => new ECSClient({ region }), logger: recordingLogger() });
    if (!enrich) throw new Error('enrichment is on by default');
    // Act
    await lastValueFrom(of<EnrichInput>({ event }).pipe(enrich));
    // Assess: the bucket the ECS source of this config uses (region + endpoint), not the endpoint-less one
    const sourceBucket = sharedRateLimiter(event.region, endpoint);
    expect(acquire.mock.contexts.length).toBeGreaterThan(0);
    expect(acquire.mock.contexts.every((limiter) => limiter === sourceBucket)).toBe(true);
  });
});
