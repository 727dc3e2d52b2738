import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createWaitCommand } from '../commands/wait.js';
import { fakeStream, ioWith, runCommand, simulatedEcs } from './__fixtures__/simulatorHarness.js';
import type { SimulatedEcs } from './__fixtures__/simulatorHarness.js';

let ecs: SimulatedEcs;
beforeEach(async () => {
  ecs = await simulatedEcs();
});
afterEach(async () => {
  await ecs.close();
});

const BASE = ['--cluster', 'default', '--region', 'us-east-1', '--interval', '0.01', '--timeout', '20s'];

async function waitFor(services: string[], extra: string[] = [], tty = false) {
  const out = fakeStream(tty);
  const err = fakeStream();
  const command = createWaitCommand({ source: ecs.source(services), clientFor: () => ecs.client });
  const flags = [...BASE, ...services.flatMap((s) => ['--service', s]), ...extra];
  const code = await runCommand(command, flags, ioWith(out, err));
  return { code, out: out.text(), err: err.text() };
}

describe('mona wait against the simulator', () => {
  it('exits 0 when the deployment completes', async () => {
    // Prepare
    ecs.sim.createService('api', { desiredCount: 2 });
    const id = ecs.sim.deploy('api', { image: 'api:2' });

    // Act
    const result = await waitFor(['api']);

    // Assess
    expect(result.code).toBe(0);
    expect(result.out).toContain(`✔ api: deployment ${id} completed in`);
  });

  it('exits 0 at once for a service that is already stable', async () => {
    // Prepare
    ecs.sim.createService('web', { desiredCount: 1 });

    // Act
    const result = await waitFor(['web']);

    // Assess
    expect(result.code).toBe(0);
    expect(result.out).toMatch(/✔ web: deployment \S+ completed/);
  });

  it('exits 1 with the reason and the stop reasons when the rollout fails without rollback', async () => {
    // Prepare
    ecs.sim.createService('api', { desiredCount: 2 });
    const id = ecs.sim.failDeployment('api', { image: 'api:broken', rollback: false });

    // Act
    const result = await waitFor(['api']);

    // Assess
    expect(result.code).toBe(1);
    expect(result.out).toContain(`✖ api: deployment ${id} failed: ECS deployment circuit breaker`);
    expect(result.out).toMatch(/stopped task \S+: CannotPullContainerError/);
  });

  it('exits 1 and says "rolled back", never "completed", when the circuit breaker rolls back', async () => {
    // Prepare
    ecs.sim.createService('api', { desiredCount: 2 });
    const id = ecs.sim.failDeployment('api', { image: 'api:broken' });

    // Act
    const result = await waitFor(['api']);

    // Assess
    expect(result.code).toBe(1);
    expect(result.out).toContain(`✖ api: deployment ${id} rolled back: ECS deployment circuit breaker`);
    expect(result.out).not.toContain('completed');
  });

  it('exits 3 when the deployment is still stalled at the timeout', async () => {
    // Prepare
    ecs.sim.createService('api', { desiredCount: 2 });
    ecs.sim.stallDeployment('api', { image: 'api:slow' });

    // Act
    const result = await waitFor(['api'], ['--timeout', '300ms']);

    // Assess
    expect(result.code).toBe(3);
    expect(result.out).toMatch(/⏱ api: still deploying after 0s: timed out/);
  });

  it('exits 2 for a service the cluster does not have', async () => {
    // Prepare
    ecs.sim.createService('api', { desiredCount: 1 });

    // Act
    const result = await waitFor(['api', 'nope']);

    // Assess
    expect(result.code).toBe(2);
    expect(result.out).toContain('? nope: service nope not found in cluster default (MISSING)');
  });

  it('exits 2 for a cluster that does not exist', async () => {
    // Prepare
    const out = fakeStream();
    const command = createWaitCommand({ source: ecs.source(['api']), clientFor: () => ecs.client });

    // Act
    const code = await runCommand(command, ['--cluster', 'nowhere', '--region', 'us-east-1', '--service', 'api', '--interval', '0.01'], ioWith(out, fakeStream()));

    // Assess
    expect(code).toBe(2);
    expect(out.text()).toContain('cluster nowhere not found in us-east-1');
  });
});
