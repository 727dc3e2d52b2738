import { DescribeServicesCommand, ListServicesCommand } from '@aws-sdk/client-ecs';
import { afterEach, describe, expect, it } from 'vitest';
import { CLUSTER, arnOf, describeFrom, freeLimiter, mockedEcs, sdkService } from './__fixtures__/ecsMock.js';
import { createEcsSource } from './createEcsSource.js';
import { RateLimiter } from './RateLimiter.js';
import { DEFAULT_SWEEP_TIMEOUT_MS, deadlineMs } from './sweepDeadline.js';

const { client, ecs } = mockedEcs();
afterEach(() => ecs.reset());

const never = () => new Promise<never>(() => undefined);

describe('sweep deadline', () => {
  it('reports a sweep whose DescribeServices never answers as a failed sweep, at the deadline', async () => {
    // Prepare
    ecs.on(ListServicesCommand).resolves({ serviceArns: [arnOf('api')] });
    ecs.on(DescribeServicesCommand).callsFake(never);
    const source = createEcsSource({ client, rateLimiter: freeLimiter(), sweepTimeoutMs: 100 });
    const startedAt = Date.now();
    // Act
    const outcome = await source.sweep(CLUSTER, 0);
    // Assess
    expect(outcome).toMatchObject({ kind: 'failure', error: { code: 'MONA_SWEEP_TIMEOUT' } });
    expect(Date.now() - startedAt).toBeLessThan(5_000);
  });

  it('fails the sweep at the deadline even when other batches answered, and the next sweep goes on', async () => {
    // Prepare: 20 services, the second batch hangs once
    const names = Array.from({ length: 20 }, (_, i) => `svc-${i}`);
    const services = Object.fromEntries(names.map((n) => [n, sdkService(n)]));
    ecs
      .on(DescribeServicesCommand)
      .callsFake(describeFrom(services))
      .on(DescribeServicesCommand, { services: names.slice(10) })
      .callsFakeOnce(never)
      .callsFake(describeFrom(services));
    const source = createEcsSource({ client, rateLimiter: freeLimiter(), serviceNamesOverride: names, sweepTimeoutMs: 100 });
    // Act
    const hung = await source.sweep(CLUSTER, 0);
    const next = await source.sweep(CLUSTER, 1);
    // Assess
    expect(hung).toMatchObject({ kind: 'failure', error: { code: 'MONA_SWEEP_TIMEOUT' } });
    expect(next.kind === 'snapshot' && next.services.length).toBe(20);
  });

  it('gives a large cluster the time its calls need at the slowest pace of the adaptive limiter', () => {
    // Prepare
    const limiter = new RateLimiter({ requestsPerSecond: 10 });
    // Act / Assess
    expect(deadlineMs(undefined, 10, limiter)).toBe(DEFAULT_SWEEP_TIMEOUT_MS + 1_600);
    expect(deadlineMs(undefined, 5_000, limiter)).toBe(DEFAULT_SWEEP_TIMEOUT_MS + 440_000);
    expect(deadlineMs(30_000, 5_000, limiter)).toBe(30_000);
  });
});
