import { DescribeServicesCommand, ECSClient, ListServicesCommand } from '@aws-sdk/client-ecs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Faults } from './Faults.js';
import { startSimulator } from './startSimulator.js';
import type { Simulator } from './Simulator.js';

let sim: Simulator;
let ecs: ECSClient;

beforeEach(async () => {
  sim = await startSimulator();
  sim.createServices(3, { prefix: 'svc' });
  ecs = new ECSClient({
    endpoint: sim.url,
    region: sim.region,
    credentials: { accessKeyId: 'x', secretAccessKey: 'x' },
    maxAttempts: 1,
    requestHandler: { requestTimeout: 300, throwOnRequestTimeout: true },
  });
});

afterEach(async () => {
  ecs.destroy();
  await sim.close();
});

const describeAll = () => ecs.send(new DescribeServicesCommand({ cluster: 'default', services: ['svc-1', 'svc-2', 'svc-3'] }));

describe('fault injection', () => {
  it('never answers a hung call, counts it, and answers normally once the fault is spent', async () => {
    // Prepare
    sim.injectFault({ action: 'DescribeServices', kind: 'hang', times: 1 });
    // Act
    const hung = await describeAll().catch((e: unknown) => e);
    const next = await describeAll();
    // Assess
    expect((hung as Error).name).toBe('TimeoutError');
    expect(next.services).toHaveLength(3);
    expect(sim.calls['DescribeServices']).toBe(2);
    expect(sim.faulted).toEqual({ DescribeServices: 1 });
  });

  it.each(['{}', '{"services":null}', '{"services":[],"failures":[]}'])('answers 200 with the raw body %s', async (body) => {
    // Prepare
    sim.injectFault({ action: 'DescribeServices', kind: 'answer', body });
    // Act
    const out = await describeAll();
    // Assess
    expect(out.$metadata.httpStatusCode).toBe(200);
    expect(out.services ?? []).toEqual([]);
    expect(out.failures ?? []).toEqual([]);
  });

  it('answers an empty ListServices page until the faults are cleared', async () => {
    // Prepare
    sim.injectFault({ action: 'ListServices', kind: 'answer', body: '{"serviceArns":[]}' });
    // Act
    const empty = await ecs.send(new ListServicesCommand({ cluster: 'default' }));
    const again = await ecs.send(new ListServicesCommand({ cluster: 'default' }));
    sim.clearFaults();
    const full = await ecs.send(new ListServicesCommand({ cluster: 'default' }));
    // Assess
    expect([empty.serviceArns, again.serviceArns]).toEqual([[], []]);
    expect(full.serviceArns).toHaveLength(3);
  });

  it('is reachable over the control endpoint, for a simulator in another process', async () => {
    // Prepare
    const post = (method: string, args: unknown[]) => fetch(`${sim.url}/_sim/${method}`, { method: 'POST', body: JSON.stringify(args) });
    // Act
    const injected = await post('injectFault', [{ action: 'DescribeServices', kind: 'answer', body: '{}', times: 1 }]);
    const faulted = await describeAll();
    const state = (await (await fetch(`${sim.url}/_sim/state`)).json()) as { faulted: Record<string, number> };
    await post('clearFaults', []);
    // Assess
    expect(injected.status).toBe(200);
    expect(faulted.services ?? []).toEqual([]);
    expect(state.faulted).toEqual({ DescribeServices: 1 });
  });

  it('rejects a fault it cannot apply, saying what is wrong', () => {
    // Prepare
    const faults = new Faults();
    // Act / Assess
    expect(() => faults.inject({ action: 'DescribeServices', kind: 'answer' })).toThrow('needs the raw body');
    expect(() => faults.inject({ action: 'DescribeServices', kind: 'slow' as 'hang' })).toThrow('unknown fault kind slow');
    expect(() => faults.inject({ action: 'DescribeServices', kind: 'hang', times: 0 })).toThrow('times must be at least 1');
  });
});
