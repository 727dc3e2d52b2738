import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startSimulator } from './startSimulator.js';
import type { Simulator } from './Simulator.js';

let sim: Simulator;

beforeEach(async () => {
  sim = await startSimulator();
});

afterEach(async () => {
  await sim.close();
});

const call = async (path: string, args?: unknown[]) => {
  const res = await fetch(`${sim.url}/_sim/${path}`, args ? { method: 'POST', body: JSON.stringify(args) } : {});
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
};

describe('the control endpoint', () => {
  it('runs scenario methods with JSON arguments', async () => {
    await call('createService', ['api', { desiredCount: 1 }]);

    const deployed = await call('deploy', ['api', { image: 'api:2' }]);
    await call('advance', [5000]);

    expect(deployed.body['result']).toMatch(/^ecs-svc\/\d{19}$/);
    expect(sim.describeService('api')['taskDefinition']).toMatch(/api:2$/);
  });

  it('reports the counters on GET /_sim/state', async () => {
    const state = await call('state');

    expect(state.body).toMatchObject({ calls: {}, throttled: {}, tokens: null, published: [] });
  });

  it('answers scenario errors with their code and unknown methods with 404', async () => {
    const unknownService = await call('scale', ['ghost', 2]);
    const unknownMethod = await call('close', []);

    expect(unknownService).toEqual({ status: 400, body: { code: 'SIM_SERVICE_NOT_FOUND', error: 'no service ghost in cluster default' } });
    expect(unknownMethod.status).toBe(404);
  });
});
