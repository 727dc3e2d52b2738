import { DescribeServicesCommand } from '@aws-sdk/client-ecs';
import type { DescribeServicesCommandInput } from '@aws-sdk/client-ecs';
import { afterEach, describe, expect, it } from 'vitest';
import type { ClusterSnapshot } from '../model/snapshot.js';
import { CLUSTER, arnOf, describeFrom, freeLimiter, mockedEcs, sdkService } from './__fixtures__/ecsMock.js';
import { createEcsSource } from './createEcsSource.js';

const { client, ecs } = mockedEcs();
afterEach(() => ecs.reset());

const NAMES = Array.from({ length: 25 }, (_, i) => `svc-${String(i).padStart(2, '0')}`);
const answer = describeFrom(Object.fromEntries(NAMES.map((n) => [n, sdkService(n)])));

describe('createEcsSource: parts of a sweep as they land', () => {
  it('passes on each batch as an interim snapshot before the sweep resolves, then the whole sweep as streamed', async () => {
    // Prepare: the last batch answers only when the test lets it.
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    ecs.on(DescribeServicesCommand).callsFake(async (input: DescribeServicesCommandInput) => {
      if (input.services?.includes('svc-20')) await held;
      return answer(input);
    });
    const source = createEcsSource({ client, rateLimiter: freeLimiter(), serviceNamesOverride: NAMES, maxConcurrency: 3 });
    const parts: ClusterSnapshot[] = [];
    // Act
    const sweep = source.sweep(CLUSTER, 0, undefined, (part) => parts.push(part));
    for (let i = 0; i < 50 && parts.length < 2; i++) await new Promise((resolve) => setImmediate(resolve));
    const beforeTheLast = parts.map((p) => p.services.length);
    release();
    const outcome = await sweep;
    // Assess
    expect(beforeTheLast).toEqual([10, 10]);
    expect(parts.map((p) => p.services.length)).toEqual([10, 10, 5]);
    expect(parts.every((p) => p.interim === true && p.cluster === 'prod' && p.partial === undefined)).toBe(true);
    expect(outcome).toMatchObject({ kind: 'snapshot', streamed: true });
    expect((outcome as ClusterSnapshot).services).toHaveLength(25);
    expect((outcome as ClusterSnapshot).interim).toBeUndefined();
  });

  it("carries ECS's verdicts in the part of the batch that got them", async () => {
    // Prepare
    ecs.on(DescribeServicesCommand).resolves({ services: [sdkService('api')], failures: [{ arn: arnOf('gone'), reason: 'MISSING' }] });
    const source = createEcsSource({ client, rateLimiter: freeLimiter(), serviceNamesOverride: ['api', 'gone'] });
    const parts: ClusterSnapshot[] = [];
    // Act
    await source.sweep(CLUSTER, 0, undefined, (part) => parts.push(part));
    // Assess
    expect(parts).toMatchObject([{ services: [{ name: 'api' }], missing: ['gone'], interim: true }]);
  });

  it('passes on no part once the sweep is aborted', async () => {
    // Prepare
    const controller = new AbortController();
    ecs.on(DescribeServicesCommand).callsFake((input: DescribeServicesCommandInput) => {
      controller.abort();
      return answer(input);
    });
    const source = createEcsSource({ client, rateLimiter: freeLimiter(), serviceNamesOverride: NAMES, maxConcurrency: 1 });
    const parts: ClusterSnapshot[] = [];
    // Act
    const outcome = await source.sweep(CLUSTER, 0, controller.signal, (part) => parts.push(part));
    // Assess
    expect(parts).toEqual([]);
    expect(outcome.kind).toBe('failure');
  });

  it('resolves to the whole sweep, unmarked, without onPart', async () => {
    // Prepare
    ecs.on(DescribeServicesCommand).callsFake(answer);
    const source = createEcsSource({ client, rateLimiter: freeLimiter(), serviceNamesOverride: NAMES });
    // Act
    const outcome = await source.sweep(CLUSTER, 0);
    // Assess
    expect(outcome).toMatchObject({ kind: 'snapshot' });
    expect((outcome as ClusterSnapshot).streamed).toBeUndefined();
  });
});
