import { DescribeServicesCommand, ListServicesCommand } from '@aws-sdk/client-ecs';
import { afterEach, describe, expect, it } from 'vitest';
import type { ClusterSnapshot, SweepOutcome } from '../model/snapshot.js';
import { CLUSTER, arnOf, describeFrom, freeLimiter, mockedEcs, sdkService } from './__fixtures__/ecsMock.js';
import { createEcsSource } from './createEcsSource.js';

const { client, ecs } = mockedEcs();
afterEach(() => ecs.reset());

function asSnapshot(outcome: SweepOutcome): ClusterSnapshot {
  if (outcome.kind !== 'snapshot') throw new Error(`expected a snapshot, got ${JSON.stringify(outcome)}`);
  return outcome;
}

describe('createEcsSource: describe (the ECS events input)', () => {
  it('describes only the named services, in batches of 10, and answers an interim snapshot', async () => {
    // Prepare
    const names = Array.from({ length: 12 }, (_, i) => `svc-${i}`);
    ecs.on(DescribeServicesCommand).callsFake(describeFrom(Object.fromEntries(names.map((n) => [n, sdkService(n)]))));
    const source = createEcsSource({ client, rateLimiter: freeLimiter() });

    // Act
    const snapshot = asSnapshot(await source.describe(CLUSTER, names));

    // Assess
    expect(ecs.commandCalls(DescribeServicesCommand).map((c) => c.args[0].input.services?.length)).toEqual([10, 2]);
    expect(ecs.commandCalls(ListServicesCommand)).toHaveLength(0);
    expect(snapshot.interim).toBe(true);
    expect(snapshot.services).toHaveLength(12);
  });

  it('keeps describing in later sweeps a service the listing did not have yet, instead of reading its absence as removal', async () => {
    ecs.on(ListServicesCommand).resolves({ serviceArns: [arnOf('api')] });
    ecs.on(DescribeServicesCommand).callsFake(describeFrom({ api: sdkService('api'), fresh: sdkService('fresh') }));
    const source = createEcsSource({ client, rateLimiter: freeLimiter() });
    await source.sweep(CLUSTER, 0);

    await source.describe(CLUSTER, ['fresh']);
    const next = asSnapshot(await source.sweep(CLUSTER, 1));

    expect(next.services.map((s) => s.name).sort()).toEqual(['api', 'fresh']);
  });

  it('says a service ECS reports MISSING is missing', async () => {
    ecs.on(DescribeServicesCommand).callsFake(describeFrom({}));
    const source = createEcsSource({ client, rateLimiter: freeLimiter() });

    const snapshot = asSnapshot(await source.describe(CLUSTER, ['gone']));

    expect(snapshot.missing).toEqual(['gone']);
  });

  it('describes none of the names outside serviceNamesOverride', async () => {
    ecs.on(DescribeServicesCommand).callsFake(describeFrom({ api: sdkService('api'), other: sdkService('other') }));
    const source = createEcsSource({ client, rateLimiter: freeLimiter(), serviceNamesOverride: ['api'] });

    const snapshot = asSnapshot(await source.describe(CLUSTER, ['api', 'other']));

    expect(snapshot.services.map((s) => s.name)).toEqual(['api']);
  });
});
