import { DescribeServicesCommand, ListServicesCommand, ListTasksCommand } from '@aws-sdk/client-ecs';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiGate } from './ApiGate.js';
import { seededRandom } from './random.js';
import { startSimulator } from './startSimulator.js';
import { ecsClient } from './__fixtures__/clients.js';
import type { ECSClient } from '@aws-sdk/client-ecs';
import type { Simulator } from './Simulator.js';

let sim: Simulator | undefined;
let ecs: ECSClient | undefined;

afterEach(async () => {
  ecs?.destroy();
  await sim?.close();
});

async function outcome(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return 'ok';
  } catch (error) {
    return (error as Error).name;
  }
}

describe('the throttling model', () => {
  it('throttles the 101st DescribeServices/ListServices call of a burst with a ThrottlingException', async () => {
    sim = await startSimulator({ throttle: true });
    ecs = ecsClient(sim);
    sim.createService('api');
    const results: string[] = [];

    for (let i = 0; i < 50; i += 1) results.push(await outcome(ecs.send(new DescribeServicesCommand({ services: ['api'] }))));
    for (let i = 0; i < 51; i += 1) results.push(await outcome(ecs.send(new ListServicesCommand({}))));

    expect(results.slice(0, 100).every((r) => r === 'ok')).toBe(true);
    expect(results[100]).toBe('ThrottlingException');
    expect(sim.throttled).toEqual({ ListServices: 1 });
    expect(sim.calls).toEqual({ DescribeServices: 50, ListServices: 51 });
  });

  it('answers the error as AWS sends it: HTTP 400 with __type and message', async () => {
    sim = await startSimulator({ throttle: { capacity: 1, refillPerSecond: 1 } });
    sim.createService('api');
    const request = () =>
      fetch(sim?.url ?? '', {
        method: 'POST',
        headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': 'AmazonEC2ContainerServiceV20141113.ListServices' },
        body: '{}',
      });

    await request();
    const res = await request();

    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ __type: 'ThrottlingException', message: 'Rate exceeded' });
  });

  it('refills 20 tokens per second of simulator time', async () => {
    sim = await startSimulator({ throttle: true });
    ecs = ecsClient(sim);
    for (let i = 0; i < 100; i += 1) await ecs.send(new ListServicesCommand({}));

    sim.advance(1000);

    expect(sim.tokens).toBe(20);
  });

  it('does not throttle other actions from the shared bucket', async () => {
    sim = await startSimulator({ throttle: { capacity: 1, refillPerSecond: 0 } });
    ecs = ecsClient(sim);
    sim.createService('api');
    await ecs.send(new ListServicesCommand({}));

    const results = [await outcome(ecs.send(new ListTasksCommand({}))), await outcome(ecs.send(new ListServicesCommand({})))];

    expect(results).toEqual(['ok', 'ThrottlingException']);
  });
});

describe('fault injection', () => {
  it('throttles about throttleRate of the calls, reproducibly for a seed', () => {
    const run = () => {
      const gate = new ApiGate({ throttleRate: 0.3 }, () => 0, seededRandom(7));
      for (let i = 0; i < 1000; i += 1) {
        try {
          gate.admit('DescribeServices');
        } catch {
          // counted by the gate
        }
      }
      return gate.throttled['DescribeServices'] ?? 0;
    };

    const first = run();

    expect(first).toBeGreaterThan(250);
    expect(first).toBeLessThan(350);
    expect(run()).toBe(first);
  });

  it('reaches SDK clients as ThrottlingException on any ECS action', async () => {
    sim = await startSimulator({ throttleRate: 1 });
    ecs = ecsClient(sim);

    const result = await outcome(ecs.send(new ListTasksCommand({})));

    expect(result).toBe('ThrottlingException');
  });

  it('is retried by the SDK standard retry strategy', async () => {
    sim = await startSimulator({ throttleRate: 0.3, seed: 3 });
    sim.createService('api');
    const { ECSClient: Client } = await import('@aws-sdk/client-ecs');
    ecs = new Client({ endpoint: sim.url, region: sim.region, credentials: { accessKeyId: 'a', secretAccessKey: 'b' }, maxAttempts: 10 });
    const results: string[] = [];

    for (let i = 0; i < 4; i += 1) results.push(await outcome(ecs.send(new DescribeServicesCommand({ services: ['api'] }))));

    expect(results.every((r) => r === 'ok')).toBe(true);
    expect(sim.throttled['DescribeServices']).toBeGreaterThan(0);
  });
});
