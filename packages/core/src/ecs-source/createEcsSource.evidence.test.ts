import { DescribeServicesCommand, ListServicesCommand } from '@aws-sdk/client-ecs';
import type { DescribeServicesCommandOutput } from '@aws-sdk/client-ecs';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_MONITOR_CONFIG } from '../model/config.js';
import type { MonitorEvent } from '../model/events.js';
import type { ClusterSnapshot, SweepOutcome } from '../model/snapshot.js';
import { reduce } from '../reducer/reduce.js';
import type { ReduceResult } from '../reducer/reduce.js';
import { CLUSTER, arnOf, describeFrom, freeLimiter, mockedEcs, sdkService } from './__fixtures__/ecsMock.js';
import { createEcsSource } from './createEcsSource.js';

const { client, ecs } = mockedEcs();
afterEach(() => ecs.reset());

const NAMES = ['api', 'web', 'worker'];
const everyone = () => describeFrom(Object.fromEntries(NAMES.map((n) => [n, sdkService(n)])));

function asSnapshot(outcome: SweepOutcome): ClusterSnapshot {
  if (outcome.kind !== 'snapshot') throw new Error(`expected a snapshot, got ${JSON.stringify(outcome)}`);
  return outcome;
}

/** Sweeps ticks 0..n-1 through the source and the real reducer; returns each tick's events. */
async function run(
  source: ReturnType<typeof createEcsSource>,
  ticks: number,
): Promise<{ outcomes: SweepOutcome[]; events: MonitorEvent[][] }> {
  let state: ReduceResult['state'] | undefined;
  const outcomes: SweepOutcome[] = [];
  const events: MonitorEvent[][] = [];
  for (let tick = 0; tick < ticks; tick++) {
    const outcome = await source.sweep(CLUSTER, tick);
    const result = reduce(state, outcome, DEFAULT_MONITOR_CONFIG);
    state = result.state;
    outcomes.push(outcome);
    events.push(result.events);
  }
  return { outcomes, events };
}

describe('createEcsSource: a service is removed only on evidence', () => {
  it.each<[string, Partial<DescribeServicesCommandOutput>]>([
    ['{}', {}],
    ['{"services": null}', { services: null as unknown as undefined }],
    ['{"services": [], "failures": []}', { services: [], failures: [] }],
    ['{"failures": null}', { failures: null as unknown as undefined }],
  ])('leaves services untouched when DescribeServices answers %s, and says nothing when they are back', async (_, answer) => {
    // Prepare: a good sweep, two answers without the services, then good answers again
    ecs.on(ListServicesCommand).resolves({ serviceArns: NAMES.map((n) => arnOf(n)) });
    ecs.on(DescribeServicesCommand).callsFakeOnce(everyone()).resolvesOnce(answer).resolvesOnce(answer).callsFake(everyone());
    const source = createEcsSource({ client, rateLimiter: freeLimiter(), refreshServicesInterval: 1 });
    // Act
    const { outcomes, events } = await run(source, 5);
    // Assess
    const malformed = asSnapshot(outcomes[1] as SweepOutcome);
    expect(malformed).toMatchObject({ services: [], missing: [], partial: true });
    expect(events.slice(1)).toEqual([[], [], [], []]);
  });

  it('keeps the services an answer leaves out of a batch unknown, and the others as answered', async () => {
    // Prepare: "web" is neither in services nor in failures
    ecs.on(DescribeServicesCommand).resolves({ services: [sdkService('api'), sdkService('worker')], failures: [] });
    const source = createEcsSource({ client, rateLimiter: freeLimiter(), serviceNamesOverride: NAMES });
    // Act
    const snapshot = asSnapshot(await source.sweep(CLUSTER, 0));
    // Assess
    expect(snapshot.services.map((s) => s.name)).toEqual(['api', 'worker']);
    expect(snapshot).toMatchObject({ missing: [], partial: true });
  });

  it('does not remove anything when ListServices answers an empty page, and keeps describing the known services', async () => {
    // Prepare
    ecs
      .on(ListServicesCommand)
      .resolvesOnce({ serviceArns: NAMES.map((n) => arnOf(n)) })
      .resolvesOnce({ serviceArns: [] })
      .resolvesOnce({ serviceArns: [] })
      .resolves({ serviceArns: NAMES.map((n) => arnOf(n)) });
    ecs.on(DescribeServicesCommand).callsFake(everyone());
    const source = createEcsSource({ client, rateLimiter: freeLimiter(), refreshServicesInterval: 1 });
    // Act
    const { outcomes, events } = await run(source, 5);
    // Assess
    expect(outcomes.map((o) => asSnapshot(o).services.length)).toEqual([3, 3, 3, 3, 3]);
    expect(events.slice(1)).toEqual([[], [], [], []]);
    expect(ecs.commandCalls(DescribeServicesCommand).map((c) => c.args[0].input.services)).toEqual(Array(5).fill(NAMES));
  });

  it('removes a service that left two listings once DescribeServices confirms it MISSING, with one notification', async () => {
    // Prepare: "web" leaves the listing at tick 1; ECS describes it until tick 2, then MISSING
    const withWeb = everyone();
    const withoutWeb = describeFrom({ api: sdkService('api'), worker: sdkService('worker') });
    ecs
      .on(ListServicesCommand)
      .resolvesOnce({ serviceArns: NAMES.map((n) => arnOf(n)) })
      .resolves({ serviceArns: [arnOf('api'), arnOf('worker')] });
    ecs.on(DescribeServicesCommand).callsFakeOnce(withWeb).callsFakeOnce(withWeb).callsFakeOnce(withWeb).callsFake(withoutWeb);
    const source = createEcsSource({ client, rateLimiter: freeLimiter(), refreshServicesInterval: 1 });
    // Act
    const { events } = await run(source, 6);
    // Assess
    expect(events.slice(1).map((e) => e.map((x) => `${x.type}:${'service' in x ? x.service : ''}`))).toEqual([
      [],
      [],
      ['ServiceRemoved:web'],
      [],
      [],
    ]);
    expect(events[3]).toMatchObject([{ reason: 'MISSING' }]);
  });

  it('removes a service ECS reports INACTIVE even while the listing still has it', async () => {
    // Prepare
    ecs.on(ListServicesCommand).resolves({ serviceArns: NAMES.map((n) => arnOf(n)) });
    ecs
      .on(DescribeServicesCommand)
      .callsFakeOnce(everyone())
      .callsFake(describeFrom({ api: sdkService('api'), web: sdkService('web', { status: 'INACTIVE' }), worker: sdkService('worker') }));
    const source = createEcsSource({ client, rateLimiter: freeLimiter(), refreshServicesInterval: 1 });
    // Act
    const { events } = await run(source, 3);
    // Assess
    expect(events[1]).toMatchObject([{ type: 'ServiceRemoved', service: 'web', reason: 'INACTIVE' }]);
    expect(events[2]).toEqual([]);
  });
});
