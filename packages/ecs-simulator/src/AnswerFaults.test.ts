import { DescribeServicesCommand, ECSClient } from '@aws-sdk/client-ecs';
import { afterEach, describe, expect, it } from 'vitest';
import { startSimulator } from './startSimulator.js';
import type { Simulator } from './Simulator.js';

let sim: Simulator | undefined;
afterEach(async () => {
  await sim?.close();
  sim = undefined;
});

async function describeApi(s: Simulator) {
  const ecs = new ECSClient({ endpoint: s.url, region: s.region, credentials: { accessKeyId: 'x', secretAccessKey: 'x' } });
  const { services } = await ecs.send(new DescribeServicesCommand({ cluster: 'default', services: ['api'] }));
  return services?.[0];
}

describe('answer faults', () => {
  it('strips the chosen fields from every service of DescribeServices answers, and stops when cleared', async () => {
    // Prepare
    sim = await startSimulator({ answerFaults: { stripServiceFields: ['runningCount', 'desiredCount', 'deployments'] } });
    sim.createService('api', { desiredCount: 2 });
    // Act
    const stripped = await describeApi(sim);
    sim.answerFaults.stripServiceFields = [];
    const whole = await describeApi(sim);
    // Assess
    expect(stripped).toMatchObject({ serviceName: 'api', status: 'ACTIVE' });
    expect(stripped?.runningCount).toBeUndefined();
    expect(stripped?.desiredCount).toBeUndefined();
    expect(stripped?.deployments).toBeUndefined();
    expect(whole).toMatchObject({ runningCount: 2, desiredCount: 2 });
    expect(sim.answerFaults.stripped).toBe(1);
  });

  it('strips a seeded fraction of answers with stripRate', async () => {
    // Prepare
    sim = await startSimulator({ seed: 3, answerFaults: { stripServiceFields: ['runningCount'], stripRate: 0.5 } });
    sim.createService('api');
    // Act
    const answers = [];
    for (let i = 0; i < 20; i++) answers.push(await describeApi(sim));
    // Assess
    const strippedCount = answers.filter((a) => a?.runningCount === undefined).length;
    expect(strippedCount).toBe(sim.answerFaults.stripped);
    expect(strippedCount).toBeGreaterThan(3);
    expect(strippedCount).toBeLessThan(17);
  });

  it('changes the rate of injected throttling on a running simulator', async () => {
    // Prepare
    sim = await startSimulator({ throttleRate: 1 });
    sim.createService('api');
    // Act
    const throttled = await describeApi(sim).catch((e: Error) => e.name);
    sim.throttleRate = 0;
    const answered = await describeApi(sim);
    // Assess
    expect(throttled).toBe('ThrottlingException');
    expect(answered?.serviceName).toBe('api');
  });
});
