import { DescribeServicesCommand, ECSServiceException, ListServicesCommand } from '@aws-sdk/client-ecs';
import type { DescribeServicesCommandInput } from '@aws-sdk/client-ecs';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_MONITOR_CONFIG } from '../model/config.js';
import type { ClusterSnapshot, SweepOutcome } from '../model/snapshot.js';
import { reduce } from '../reducer/reduce.js';
import { CLUSTER, arnOf, describeFrom, freeLimiter, mockedEcs, sdkService } from './__fixtures__/ecsMock.js';
import { createEcsSource } from './createEcsSource.js';

const { client, ecs } = mockedEcs();
afterEach(() => ecs.reset());

function names(count: number, prefix = 'svc'): string[] {
  return Array.from({ length: count }, (_, i) => `${prefix}-${String(i).padStart(3, '0')}`);
}

function asSnapshot(outcome: SweepOutcome): ClusterSnapshot {
  if (outcome.kind !== 'snapshot') throw new Error(`expected a snapshot, got ${JSON.stringify(outcome)}`);
  return outcome;
}

function throttling(): ECSServiceException {
  return new ECSServiceException({ name: 'ThrottlingException', $fault: 'client', $metadata: {}, message: 'Rate exceeded' });
}

describe('createEcsSource: listing', () => {
  it('pages through ListServices 100 at a time and reads names from long and short ARNs', async () => {
    // Prepare
    const first = names(100).map((n) => arnOf(n));
    ecs
      .on(ListServicesCommand)
      .resolvesOnce({ serviceArns: first, nextToken: 'page-2' })
      .resolvesOnce({ serviceArns: ['arn:aws:ecs:eu-west-1:123456789012:service/legacy'] });
    ecs.on(DescribeServicesCommand).callsFake(describeFrom({ legacy: sdkService('legacy') }));
    const source = createEcsSource({ client, rateLimiter: freeLimiter() });
    // Act
    const snapshot = asSnapshot(await source.sweep(CLUSTER, 0));
    // Assess
    const inputs = ecs.commandCalls(ListServicesCommand).map((c) => c.args[0].input);
    expect(inputs).toEqual([
      { cluster: 'prod', maxResults: 100 },
      { cluster: 'prod', maxResults: 100, nextToken: 'page-2' },
    ]);
    expect(snapshot.services.map((s) => s.name)).toEqual(['legacy']);
    expect(snapshot.missing).toHaveLength(100);
  });

  it('re-lists every refreshServicesInterval ticks, counting ticks rather than sweeps', async () => {
    // Prepare
    ecs.on(ListServicesCommand).resolves({ serviceArns: [arnOf('api')] });
    ecs.on(DescribeServicesCommand).callsFake(describeFrom({ api: sdkService('api') }));
    const source = createEcsSource({ client, rateLimiter: freeLimiter(), refreshServicesInterval: 3 });
    // Act: ticks 1 and 5 were swallowed by slow sweeps
    for (const tick of [0, 2, 3, 4, 6, 7]) await source.sweep(CLUSTER, tick);
    // Assess: listed at 0, 3 (3-0>=3), 6 (6-3>=3)
    expect(ecs.commandCalls(ListServicesCommand)).toHaveLength(3);
    expect(ecs.commandCalls(DescribeServicesCommand)).toHaveLength(6);
  });

  it('lists again on the first tick of a new subscription, however far the previous one counted', async () => {
    // Prepare: a first subscription ran to tick 40 and listed there
    ecs
      .on(ListServicesCommand)
      .resolvesOnce({ serviceArns: [arnOf('api')] })
      .resolves({ serviceArns: [arnOf('api'), arnOf('web')] });
    ecs.on(DescribeServicesCommand).callsFake(describeFrom({ api: sdkService('api'), web: sdkService('web') }));
    const source = createEcsSource({ client, rateLimiter: freeLimiter(), refreshServicesInterval: 20 });
    await source.sweep(CLUSTER, 0);
    await source.sweep(CLUSTER, 40);
    ecs.on(ListServicesCommand).resolves({ serviceArns: [arnOf('api'), arnOf('web'), arnOf('new')] });
    ecs.on(DescribeServicesCommand).callsFake(describeFrom({ api: sdkService('api'), web: sdkService('web'), new: sdkService('new') }));
    // Act: a new subscription counts its ticks from 0 again
    const restarted = asSnapshot(await source.sweep(CLUSTER, 0));
    // Assess
    expect(restarted.services.map((s) => s.name)).toEqual(['api', 'web', 'new']);
  });

  it('keeps describing a service that left the listing, and reports it missing once ECS says MISSING', async () => {
    // Prepare: "old" leaves the listing at tick 1; ECS still describes it at tick 1, forgets it at tick 2
    ecs
      .on(ListServicesCommand)
      .resolvesOnce({ serviceArns: [arnOf('api'), arnOf('old')] })
      .resolves({ serviceArns: [arnOf('api')] });
    ecs
      .on(DescribeServicesCommand)
      .callsFakeOnce(describeFrom({ api: sdkService('api'), old: sdkService('old') }))
      .callsFakeOnce(describeFrom({ api: sdkService('api'), old: sdkService('old') }))
      .callsFake(describeFrom({ api: sdkService('api') }));
    const source = createEcsSource({ client, rateLimiter: freeLimiter(), refreshServicesInterval: 1 });
    // Act
    const first = asSnapshot(await source.sweep(CLUSTER, 0));
    const second = asSnapshot(await source.sweep(CLUSTER, 1));
    const third = asSnapshot(await source.sweep(CLUSTER, 2));
    const fourth = asSnapshot(await source.sweep(CLUSTER, 3));
    // Assess
    expect([first.missing, second.missing, third.missing, fourth.missing]).toEqual([[], [], ['old'], []]);
    expect(second.services.map((s) => s.name)).toEqual(['api', 'old']);
    const described = ecs.commandCalls(DescribeServicesCommand).map((c) => c.args[0].input.services);
    expect(described).toEqual([['api', 'old'], ['api', 'old'], ['api', 'old'], ['api']]);
  });

  it('keeps describing the known services when a refresh fails, and lists again next tick', async () => {
    // Prepare
    ecs
      .on(ListServicesCommand)
      .resolvesOnce({ serviceArns: [arnOf('api')] })
      .rejectsOnce(new Error('socket hang up'))
      .resolves({ serviceArns: [arnOf('api')] });
    ecs.on(DescribeServicesCommand).callsFake(describeFrom({ api: sdkService('api') }));
    const source = createEcsSource({ client, rateLimiter: freeLimiter(), refreshServicesInterval: 2 });
    await source.sweep(CLUSTER, 0);
    // Act
    const refreshFailed = asSnapshot(await source.sweep(CLUSTER, 2));
    await source.sweep(CLUSTER, 3);
    // Assess
    expect(refreshFailed.services.map((s) => s.name)).toEqual(['api']);
    expect(refreshFailed.missing).toEqual([]);
    expect(ecs.commandCalls(ListServicesCommand)).toHaveLength(3);
  });

  it('skips ListServices entirely when serviceNamesOverride is set', async () => {
    // Prepare
    ecs.on(DescribeServicesCommand).callsFake(describeFrom({ api: sdkService('api'), worker: sdkService('worker') }));
    const source = createEcsSource({ client, rateLimiter: freeLimiter(), serviceNamesOverride: ['api', 'worker'] });
    // Act
    const snapshot = asSnapshot(await source.sweep(CLUSTER, 0));
    await source.sweep(CLUSTER, 30);
    // Assess
    expect(ecs.commandCalls(ListServicesCommand)).toHaveLength(0);
    expect(snapshot.services.map((s) => s.name)).toEqual(['api', 'worker']);
  });

  it('returns a failure value, never a rejection, when listing fails', async () => {
    // Prepare
    ecs
      .on(ListServicesCommand)
      .rejects(
        new ECSServiceException({ name: 'ClusterNotFoundException', $fault: 'client', $metadata: {}, message: 'Cluster not found.' }),
      );
    const source = createEcsSource({ client, rateLimiter: freeLimiter(), now: () => 42 });
    // Act
    const outcome = await source.sweep(CLUSTER, 0);
    // Assess
    expect(outcome).toEqual({
      kind: 'failure',
      cluster: 'prod',
      region: 'eu-west-1',
      observedAt: 42,
      error: { name: 'ClusterNotFoundException', message: 'Cluster not found.', code: 'ClusterNotFoundException' },
    });
    expect(ecs.commandCalls(DescribeServicesCommand)).toHaveLength(0);
  });

  it('returns an empty snapshot for a cluster without services, without describing', async () => {
    // Prepare
    ecs.on(ListServicesCommand).resolves({ serviceArns: [] });
    const source = createEcsSource({ client, rateLimiter: freeLimiter() });
    // Act
    const snapshot = asSnapshot(await source.sweep(CLUSTER, 0));
    // Assess
    expect(snapshot.services).toEqual([]);
    expect(ecs.commandCalls(DescribeServicesCommand)).toHaveLength(0);
  });
});

describe('createEcsSource: describing', () => {
  it('describes in batches of 10, the API maximum', async () => {
    // Prepare
    const all = names(25);
    ecs.on(DescribeServicesCommand).callsFake(describeFrom(Object.fromEntries(all.map((n) => [n, sdkService(n)]))));
    const source = createEcsSource({ client, rateLimiter: freeLimiter(), serviceNamesOverride: all });
    // Act
    const snapshot = asSnapshot(await source.sweep(CLUSTER, 0));
    // Assess
    const sizes = ecs.commandCalls(DescribeServicesCommand).map((c) => (c.args[0].input as DescribeServicesCommandInput).services?.length);
    expect(sizes).toEqual([10, 10, 5]);
    expect(snapshot.services).toHaveLength(25);
    expect(snapshot.partial).toBeUndefined();
  });

  it('keeps at most maxConcurrency batches in flight', async () => {
    // Prepare
    const all = names(60);
    let inFlight = 0;
    let peak = 0;
    ecs.on(DescribeServicesCommand).callsFake(async (input: DescribeServicesCommandInput) => {
      inFlight++;
      peak = Math.max(peak, inFlight);
      await new Promise((resolve) => setImmediate(resolve));
      inFlight--;
      return describeFrom(Object.fromEntries(all.map((n) => [n, sdkService(n)])))(input);
    });
    const source = createEcsSource({ client, rateLimiter: freeLimiter(), serviceNamesOverride: all, maxConcurrency: 2 });
    // Act
    const snapshot = asSnapshot(await source.sweep(CLUSTER, 0));
    // Assess
    expect(peak).toBe(2);
    expect(snapshot.services).toHaveLength(60);
  });

  it('reports MISSING failures as missing services', async () => {
    // Prepare
    ecs.on(DescribeServicesCommand).callsFake(describeFrom({ api: sdkService('api') }));
    const source = createEcsSource({ client, rateLimiter: freeLimiter(), serviceNamesOverride: ['api', 'ghost'] });
    // Act
    const snapshot = asSnapshot(await source.sweep(CLUSTER, 0));
    // Assess
    expect(snapshot.services.map((s) => s.name)).toEqual(['api']);
    expect(snapshot.missing).toEqual(['ghost']);
  });

  it('lists DRAINING and INACTIVE services as missing and keeps them in services with their status', async () => {
    // Prepare
    ecs.on(DescribeServicesCommand).callsFake(
      describeFrom({
        api: sdkService('api'),
        going: sdkService('going', { status: 'DRAINING' }),
        gone: sdkService('gone', { status: 'INACTIVE' }),
      }),
    );
    const source = createEcsSource({ client, rateLimiter: freeLimiter(), serviceNamesOverride: ['api', 'going', 'gone'] });
    // Act
    const snapshot = asSnapshot(await source.sweep(CLUSTER, 0));
    // Assess
    expect(snapshot.services.map((s) => [s.name, s.status])).toEqual([
      ['api', 'ACTIVE'],
      ['going', 'DRAINING'],
      ['gone', 'INACTIVE'],
    ]);
    expect(snapshot.missing).toEqual(['going', 'gone']);
  });

  it('lets the reducer say a deleted service was removed because it is DRAINING, not MISSING', async () => {
    // Prepare
    const draining = { api: sdkService('api', { status: 'DRAINING' }) };
    ecs
      .on(DescribeServicesCommand)
      .callsFakeOnce(describeFrom({ api: sdkService('api') }))
      .callsFake(describeFrom(draining));
    const source = createEcsSource({ client, rateLimiter: freeLimiter(), serviceNamesOverride: ['api'] });
    const baseline = reduce(undefined, await source.sweep(CLUSTER, 0), DEFAULT_MONITOR_CONFIG);
    // Act
    const { events } = reduce(baseline.state, await source.sweep(CLUSTER, 1), DEFAULT_MONITOR_CONFIG);
    // Assess
    expect(events).toMatchObject([{ type: 'ServiceRemoved', service: 'api', reason: 'DRAINING' }]);
  });

  it('leaves the services of a throttled batch unknown and marks the snapshot partial', async () => {
    // Prepare
    const all = names(20);
    const services = Object.fromEntries(all.map((n) => [n, sdkService(n)]));
    ecs
      .on(DescribeServicesCommand)
      .callsFake(describeFrom(services))
      .on(DescribeServicesCommand, { services: all.slice(10) })
      .rejects(throttling());
    const calls: string[] = [];
    const source = createEcsSource({
      client,
      rateLimiter: freeLimiter(),
      serviceNamesOverride: all,
      hooks: { onApiCall: (action, result) => calls.push(`${action}:${result}`) },
    });
    // Act
    const snapshot = asSnapshot(await source.sweep(CLUSTER, 0));
    // Assess
    expect(snapshot.partial).toBe(true);
    expect(snapshot.services.map((s) => s.name)).toEqual(all.slice(0, 10));
    expect(snapshot.missing).toEqual([]);
    expect(calls.sort()).toEqual(['DescribeServices:ok', 'DescribeServices:throttled']);
  });

  it('keeps the good batches when one batch among several fails', async () => {
    // Prepare
    const all = names(35);
    const services = Object.fromEntries(all.map((n) => [n, sdkService(n)]));
    ecs
      .on(DescribeServicesCommand)
      .callsFake(describeFrom(services))
      .on(DescribeServicesCommand, { services: all.slice(10, 20) })
      .rejects(new Error('socket hang up'));
    const source = createEcsSource({ client, rateLimiter: freeLimiter(), serviceNamesOverride: all });
    // Act
    const snapshot = asSnapshot(await source.sweep(CLUSTER, 0));
    // Assess
    expect(snapshot.partial).toBe(true);
    expect(snapshot.services.map((s) => s.name)).toEqual([...all.slice(0, 10), ...all.slice(20)]);
    expect(snapshot.missing).toEqual([]);
  });

  it('returns a failure value when every batch fails', async () => {
    // Prepare
    ecs.on(DescribeServicesCommand).rejects(throttling());
    const source = createEcsSource({ client, rateLimiter: freeLimiter(), serviceNamesOverride: names(15) });
    // Act
    const outcome = await source.sweep(CLUSTER, 0);
    // Assess
    expect(outcome.kind).toBe('failure');
    expect(outcome.kind === 'failure' && outcome.error.code).toBe('ThrottlingException');
  });

  it('paces every call through the rate limiter it is given', async () => {
    // Prepare
    const acquired: number[] = [];
    const limiter = freeLimiter();
    const acquire = limiter.acquire.bind(limiter);
    limiter.acquire = (signal) => (acquired.push(1), acquire(signal));
    ecs.on(ListServicesCommand).resolves({ serviceArns: names(30).map((n) => arnOf(n)) });
    ecs.on(DescribeServicesCommand).callsFake(describeFrom({}));
    const source = createEcsSource({ client, rateLimiter: limiter });
    // Act
    await source.sweep(CLUSTER, 0);
    // Assess: 1 ListServices + 3 DescribeServices
    expect(acquired).toHaveLength(4);
  });
});

describe('createEcsSource: service events', () => {
  it('passes on only the service events that are new since the previous sweep', async () => {
    // Prepare
    const at = (minute: number) => new Date(Date.UTC(2024, 0, 1, 0, minute));
    const old = [
      { id: 'e2', createdAt: at(2), message: 'steady' },
      { id: 'e1', createdAt: at(1), message: 'started' },
    ];
    const fresh = [{ id: 'e3', createdAt: at(3), message: 'unable to place a task' }, ...old];
    const responses = [old, fresh, fresh];
    let call = 0;
    ecs
      .on(DescribeServicesCommand)
      .callsFake((input: DescribeServicesCommandInput) =>
        describeFrom({ api: sdkService('api', { events: responses[call++] ?? fresh }) })(input),
      );
    const source = createEcsSource({ client, rateLimiter: freeLimiter(), serviceNamesOverride: ['api'], maxEventsPerService: 1 });
    // Act
    const first = asSnapshot(await source.sweep(CLUSTER, 0));
    const second = asSnapshot(await source.sweep(CLUSTER, 1));
    const third = asSnapshot(await source.sweep(CLUSTER, 2));
    // Assess
    expect(first.services[0]?.events.map((e) => e.id)).toEqual(['e2']);
    expect(second.services[0]?.events).toEqual([{ id: 'e3', createdAt: at(3).getTime(), message: 'unable to place a task' }]);
    expect(third.services[0]?.events).toEqual([]);
  });
});
