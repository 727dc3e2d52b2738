import { describe, expect, it } from 'vitest';
import { createDemoServices, runDemoStory } from './runDemoStory.js';
import { Simulator } from './Simulator.js';

describe('runDemoStory', () => {
  it('plays every chapter on a fake clock and leaves the services stable', async () => {
    const sim = new Simulator({ startTime: Date.UTC(2025, 0, 1), stepMs: 500 });
    createDemoServices(sim);
    const lines: string[] = [];

    await runDemoStory(sim, { log: (line) => lines.push(line), stepMs: 500, stallMs: 5_000 });

    expect(lines).toHaveLength(8);
    expect(lines.at(-1)).toBe('story: done');
    const web = sim.describeService('web') as {
      desiredCount: number;
      runningCount: number;
      deployments: Array<{ taskDefinition: string }>;
    };
    expect([web.desiredCount, web.runningCount]).toEqual([4, 4]);
    expect(web.deployments.map((d) => d.taskDefinition.split('/')[1])).toEqual(['web:1']);
    for (const name of ['api', 'web', 'worker', 'billing']) expect(sim.isBusy(name)).toBe(false);
  });

  it('finishes in well under a minute of simulator time with the demo pace', async () => {
    const start = Date.UTC(2025, 0, 1);
    const sim = new Simulator({ startTime: start, stepMs: 500 });

    await runDemoStory(sim, { stepMs: 500, stallMs: 6_000 });

    expect(sim.now() - start).toBeLessThan(45_000);
  });

  it('creates the demo services when they are missing', async () => {
    const sim = new Simulator({ stepMs: 500 });

    await runDemoStory(sim, { stepMs: 500, stallMs: 1_000 });

    expect(['api', 'web', 'worker', 'billing'].every((name) => sim.hasService(name))).toBe(true);
  });
});
