import { readFileSync } from 'node:fs';
import { startSimulator } from '@mona-ecs/ecs-simulator';
import type { Simulator } from '@mona-ecs/ecs-simulator';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { eventsToJsonl } from './eventsToJsonl.js';

let sim: Simulator;
beforeEach(async () => {
  sim = await startSimulator({ clock: 'real', stepMs: 20 });
  // The example uses the SDK's standard configuration, as a user's tool would.
  vi.stubEnv('AWS_ENDPOINT_URL_ECS', sim.url);
  vi.stubEnv('AWS_ACCESS_KEY_ID', 'AKIDEXAMPLE');
  vi.stubEnv('AWS_SECRET_ACCESS_KEY', 'example-secret');
});
afterEach(async () => {
  vi.unstubAllEnvs();
  await sim.close();
});

async function until(check: () => boolean): Promise<void> {
  for (let i = 0; i < 1000 && !check(); i += 1) await new Promise((r) => setTimeout(r, 10));
  if (!check()) throw new Error('condition not reached in 10 s');
}

describe('library example: events of one cluster as JSON lines', () => {
  it('prints the deployment events of a cluster from the simulator as JSON lines', async () => {
    // Prepare
    sim.createService('api', { desiredCount: 1 });
    const lines: string[] = [];
    const types = () => lines.map((l) => (JSON.parse(l) as { type: string }).type);

    // Act
    const subscription = eventsToJsonl('default', sim.region, (line) => lines.push(line), 0.05);
    await until(() => types().includes('MonitorStarted'));
    sim.deploy('api', { image: 'api:2' });
    await until(() => types().includes('DeploymentCompleted'));
    subscription.unsubscribe();

    // Assess
    expect(lines.every((l) => l.endsWith('\n'))).toBe(true);
    expect(types()).toEqual(['MonitorStarted', 'DeploymentStarted', 'DeploymentCompleted']);
  });

  it('is shown in the core README exactly as it is compiled and tested', () => {
    // Prepare
    const source = readFileSync(new URL('./eventsToJsonl.ts', import.meta.url), 'utf8');
    const readme = readFileSync(new URL('../../../core/README.md', import.meta.url), 'utf8');

    // Act
    const blocks = [...readme.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1]);

    // Assess
    expect(blocks).toContain(source);
  });
});
