import { DescribeServicesCommand, ListServicesCommand } from '@aws-sdk/client-ecs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SimulatorError } from './errors.js';
import { startSimulator } from './startSimulator.js';
import { ecsClient } from './__fixtures__/clients.js';
import type { ECSClient, Service } from '@aws-sdk/client-ecs';
import type { Simulator } from './Simulator.js';

let sim: Simulator;
let ecs: ECSClient;

beforeEach(async () => {
  sim = await startSimulator({ startTime: Date.UTC(2025, 0, 1), stepMs: 1000 });
  ecs = ecsClient(sim);
});

afterEach(async () => {
  ecs.destroy();
  await sim.close();
});

async function describeOne(name: string): Promise<Service> {
  const out = await ecs.send(new DescribeServicesCommand({ services: [name] }));
  const service = out.services?.[0];
  if (!service) throw new Error(`no service ${name}`);
  return service;
}

const shape = (s: Service) => s.deployments?.map((d) => ({ status: d.status, running: d.runningCount, rolloutState: d.rolloutState }));

describe('deploy', () => {
  it('rolls a new PRIMARY forward while the old deployment drains, then completes', async () => {
    sim.createService('api', { desiredCount: 2 });
    const id = sim.deploy('api', { image: 'api:2' });

    sim.advance(2000);
    const during = await describeOne('api');
    sim.advance(3000);
    const after = await describeOne('api');

    expect(shape(during)).toEqual([
      { status: 'PRIMARY', running: 1, rolloutState: 'IN_PROGRESS' },
      { status: 'ACTIVE', running: 1, rolloutState: 'COMPLETED' },
    ]);
    expect(during.runningCount).toBe(2);
    expect(after.deployments?.map((d) => d.id)).toEqual([id]);
    expect(shape(after)).toEqual([{ status: 'PRIMARY', running: 2, rolloutState: 'COMPLETED' }]);
    expect(after.taskDefinition).toMatch(/task-definition\/api:2$/);
    expect(after.events?.slice(0, 2).map((e) => e.message)).toEqual([
      '(service api) has reached a steady state.',
      `(service api) (deployment ${id}) deployment completed.`,
    ]);
  });

  it('keeps at most 100 service events, newest first', async () => {
    sim.createService('api', { desiredCount: 1, history: 100 });
    for (let i = 0; i < 30; i += 1) {
      sim.deploy('api');
      sim.advance(5000);
    }

    const service = await describeOne('api');

    expect(service.events).toHaveLength(100);
    const times = service.events?.map((e) => e.createdAt?.getTime() ?? 0) ?? [];
    expect(times).toEqual([...times].sort((a, b) => b - a));
  });
});

describe('scale, crash and delete', () => {
  it('scales out one task per step', async () => {
    sim.createService('web', { desiredCount: 2 });
    sim.scale('web', 4);

    const at0 = await describeOne('web');
    sim.advance(1000);
    const at1 = await describeOne('web');
    sim.advance(3000);
    const at4 = await describeOne('web');

    expect([at0.desiredCount, at0.runningCount]).toEqual([4, 2]);
    expect([at1.runningCount, at1.pendingCount]).toEqual([2, 1]);
    expect([at4.runningCount, at4.pendingCount, at4.deployments?.[0]?.desiredCount]).toEqual([4, 0, 4]);
  });

  it('drops runningCount on a crash and recovers with new tasks', async () => {
    sim.createService('worker', { desiredCount: 2 });
    sim.crashTasks('worker', 1, { exitCode: 137 });

    const crashed = await describeOne('worker');
    sim.advance(3000);
    const recovered = await describeOne('worker');

    expect(crashed.runningCount).toBe(1);
    expect(crashed.deployments?.[0]?.rolloutState).toBe('COMPLETED');
    expect(recovered.runningCount).toBe(2);
    expect(recovered.events?.[0]?.message).toBe('(service worker) has reached a steady state.');
  });

  it('waits restartAfterMs before replacing crashed tasks', async () => {
    sim.createService('worker', { desiredCount: 2 });
    sim.crashTasks('worker', 1, { restartAfterMs: 3000 });

    sim.advance(2000);
    const held = await describeOne('worker');
    sim.advance(3000);
    const recovered = await describeOne('worker');

    expect([held.runningCount, held.pendingCount]).toEqual([1, 0]);
    expect(recovered.runningCount).toBe(2);
  });

  it('drains a deleted service, then leaves it out of ListServices as INACTIVE', async () => {
    sim.createService('old');
    sim.deleteService('old');

    const draining = await describeOne('old');
    sim.advance(1000);
    const inactive = await describeOne('old');
    const listed = await ecs.send(new ListServicesCommand({}));

    expect(draining.status).toBe('DRAINING');
    expect([inactive.status, inactive.runningCount]).toEqual(['INACTIVE', 0]);
    expect(listed.serviceArns).toEqual([]);
  });

  it('adds a service that starts empty and rolls out its first deployment', async () => {
    sim.addService('new', { desiredCount: 1 });

    const fresh = await describeOne('new');
    sim.advance(2000);
    const done = await describeOne('new');

    expect([fresh.runningCount, fresh.deployments?.[0]?.rolloutState]).toEqual([0, 'IN_PROGRESS']);
    expect([done.runningCount, done.deployments?.[0]?.rolloutState]).toEqual([1, 'COMPLETED']);
  });
});

describe('stalled and failed deployments', () => {
  it('keeps a stalled deployment below desired without touching updatedAt', async () => {
    sim.createService('billing', { desiredCount: 2 });
    sim.stallDeployment('billing', { image: 'billing:2' });

    sim.advance(2000);
    const early = await describeOne('billing');
    sim.advance(60_000);
    const late = await describeOne('billing');

    expect(shape(late)).toEqual([
      { status: 'PRIMARY', running: 0, rolloutState: 'IN_PROGRESS' },
      { status: 'ACTIVE', running: 2, rolloutState: 'COMPLETED' },
    ]);
    expect(late.deployments?.[0]?.pendingCount).toBe(2);
    expect(late.deployments?.[0]?.updatedAt).toEqual(early.deployments?.[0]?.updatedAt);
    expect(sim.isBusy('billing')).toBe(true);
  });

  it('never starts the tasks of a stalled deployment once a new deployment replaces it', async () => {
    // Prepare
    sim.createService('billing', { desiredCount: 2 });
    const stalledId = sim.stallDeployment('billing', { image: 'billing:2' });
    sim.advance(3000);
    // Act
    sim.deploy('billing', { image: 'billing:3' });
    const runningOfStalled: number[] = [];
    for (let i = 0; i < 8; i += 1) {
      sim.advance(1000);
      const stalled = (await describeOne('billing')).deployments?.find((d) => d.id === stalledId);
      runningOfStalled.push(stalled?.runningCount ?? 0);
    }
    // Assess
    expect(runningOfStalled.every((n) => n === 0)).toBe(true);
    expect(shape(await describeOne('billing'))).toEqual([{ status: 'PRIMARY', running: 2, rolloutState: 'COMPLETED' }]);
  });

  it('keeps failing the tasks of a failing deployment once a new deployment replaces it', async () => {
    // Prepare
    sim.createService('web', { desiredCount: 2 });
    const failingId = sim.failDeployment('web', { image: 'web:2', rollback: false });
    sim.advance(1000);
    // Act
    sim.deploy('web', { image: 'web:3' });
    const runningOfFailing: number[] = [];
    for (let i = 0; i < 8; i += 1) {
      sim.advance(1000);
      const failing = (await describeOne('web')).deployments?.find((d) => d.id === failingId);
      runningOfFailing.push(failing?.runningCount ?? 0);
    }
    // Assess
    expect(runningOfFailing.every((n) => n === 0)).toBe(true);
    expect(shape(await describeOne('web'))).toEqual([{ status: 'PRIMARY', running: 2, rolloutState: 'COMPLETED' }]);
  });

  it('rolls back to the previous task definition when the circuit breaker trips', async () => {
    sim.createService('web', { desiredCount: 2 });
    const previous = (await describeOne('web')).deployments?.[0]?.id;
    const failedId = sim.failDeployment('web', { image: 'web:2', rollback: true });

    sim.advance(4000);
    const rolling = await describeOne('web');
    sim.advance(10_000);
    const done = await describeOne('web');

    const [primary, failed] = rolling.deployments ?? [];
    expect(failed).toMatchObject({ id: failedId, status: 'ACTIVE', rolloutState: 'FAILED', failedTasks: 3 });
    expect(failed?.rolloutStateReason).toBe(
      `ECS deployment circuit breaker: task failed to start. Rolling back to deployment ${previous}.`,
    );
    expect(primary?.taskDefinition).toMatch(/task-definition\/web:1$/);
    expect(primary?.rolloutState).toBe('IN_PROGRESS');
    expect(primary?.rolloutStateReason).toContain('rolling back');
    expect(shape(done)).toEqual([{ status: 'PRIMARY', running: 2, rolloutState: 'COMPLETED' }]);
    expect(done.events?.some((e) => e.message === `(service web) rolling back to deployment ${previous}.`)).toBe(true);
  });

  it('leaves a FAILED PRIMARY beside the old deployment without rollback', async () => {
    sim.createService('web', { desiredCount: 2 });
    sim.failDeployment('web', { image: 'web:2', rollback: false });

    sim.advance(20_000);
    const service = await describeOne('web');

    expect(shape(service)).toEqual([
      { status: 'PRIMARY', running: 0, rolloutState: 'FAILED' },
      { status: 'ACTIVE', running: 2, rolloutState: 'COMPLETED' },
    ]);
    expect(service.deployments?.[0]?.failedTasks).toBe(3);
  });
});

describe('the scenario API', () => {
  it('counts calls per action and resets them', async () => {
    sim.createService('api');
    await ecs.send(new DescribeServicesCommand({ services: ['api'] }));
    await ecs.send(new DescribeServicesCommand({ services: ['api'] }));
    await ecs.send(new ListServicesCommand({}));
    const counted = { ...sim.calls };

    sim.resetCalls();

    expect(counted).toEqual({ DescribeServices: 2, ListServices: 1 });
    expect(sim.calls).toEqual({});
  });

  it('throws a SimulatorError for an unknown service', () => {
    const act = () => sim.deploy('ghost');

    expect(act).toThrow(SimulatorError);
    expect(act).toThrow(/no service ghost/);
  });

  it('refuses advance() on a real clock', async () => {
    const real = await startSimulator({ clock: 'real' });

    expect(() => real.advance(1000)).toThrow(/fake/);
    await real.close();
  });
});
