import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createWaitCommand } from '../commands/wait.js';
import { fixturePlugin, writeConfig } from '../__fixtures__/testIo.js';
import type { SnapshotSource } from '@mona-ecs/core/ecs';
import { START, fakeStream, ioWith, runCommand, simulatedEcs } from './__fixtures__/simulatorHarness.js';
import type { SimulatedEcs } from './__fixtures__/simulatorHarness.js';

let ecs: SimulatedEcs;
beforeEach(async () => {
  ecs = await simulatedEcs();
});
afterEach(async () => {
  await ecs.close();
});

const BASE = ['--cluster', 'default', '--region', 'us-east-1', '--interval', '0.01', '--timeout', '20s'];

async function waitFor(services: string[], extra: string[] = [], tty = false, script?: (sweep: number) => void) {
  const out = fakeStream(tty);
  const err = fakeStream();
  const command = createWaitCommand({ source: ecs.source(services, script), clientFor: () => ecs.client });
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

  it('names the failing ECS call as the reason of a timeout when no sweep could read the service', async () => {
    // Prepare: a network failure may pass, so the gate keeps waiting until its timeout
    const unreachable = { name: 'TimeoutError', message: 'connect ETIMEDOUT ecs.eu-west-1.amazonaws.com:443' };
    const source: SnapshotSource = { sweep: async (cluster) => ({ kind: 'failure', ...cluster, observedAt: START, error: unreachable }) };
    const out = fakeStream();
    const err = fakeStream();
    const command = createWaitCommand({ source, clientFor: () => ecs.client });

    // Act
    const code = await runCommand(
      command,
      [...BASE, '--service', 'api', '--timeout', '200ms', '--json', '--no-diagnostics'],
      ioWith(out, err),
    );

    // Assess
    expect(code).toBe(3);
    expect(JSON.parse(out.text().trim())).toMatchObject({ status: 'timedOut', reason: expect.stringContaining('ETIMEDOUT') });
    expect(err.text()).toMatch(/⏱ api: .*timed out.*ETIMEDOUT ecs\.eu-west-1/);
  });

  it('fails at once (exit 1) when ECS refuses access, instead of waiting out the timeout', async () => {
    // Prepare
    const denied = {
      name: 'AccessDeniedException',
      code: 'AccessDeniedException',
      message: 'User is not authorized to perform: ecs:DescribeServices',
    };
    const source: SnapshotSource = { sweep: async (cluster) => ({ kind: 'failure', ...cluster, observedAt: START, error: denied }) };
    const out = fakeStream();
    const err = fakeStream();
    const command = createWaitCommand({ source, clientFor: () => ecs.client });

    // Act
    const code = await runCommand(
      command,
      [...BASE, '--service', 'api', '--timeout', '15m', '--json', '--no-diagnostics'],
      ioWith(out, err),
    );

    // Assess
    expect(code).toBe(1);
    expect(JSON.parse(out.text().trim())).toMatchObject({ status: 'error', reason: expect.stringContaining('ecs:DescribeServices') });
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
    const code = await runCommand(
      command,
      ['--cluster', 'nowhere', '--region', 'us-east-1', '--service', 'api', '--interval', '0.01'],
      ioWith(out, fakeStream()),
    );

    // Assess
    expect(code).toBe(2);
    expect(out.text()).toContain('cluster nowhere not found in us-east-1');
  });
});

describe('mona wait targets and output', () => {
  it('follows the deployment of the task definition named by --task-definition', async () => {
    // Prepare
    ecs.sim.createService('api', { desiredCount: 2 });
    ecs.sim.deploy('api', { image: 'api:2' });

    // Act
    const result = await waitFor(['api'], ['--task-definition', 'api:2']);

    // Assess
    expect(result.code).toBe(0);
    expect(result.out).toMatch(/✔ api: deployment \S+ completed in \S+ \(api:2, 2\/2 running\)/);
  });

  it('says the requested task definition was not seen, not that the PRIMARY is "still steady", when it never appears', async () => {
    // Prepare
    ecs.sim.createService('batch', { desiredCount: 2 });

    // Act
    const result = await waitFor(['batch'], ['--task-definition', 'batch:9', '--timeout', '300ms']);

    // Assess
    expect(result.code).toBe(3);
    expect(result.out).toMatch(
      /⏱ batch: timed out after 0s: the requested task definition batch:9 was not seen; the service runs batch:1 \(deployment \S+\); check that it was registered and the service updated to it/,
    );
    expect(result.out).not.toContain('steady');
    expect(result.out).toContain('(waiting for task definition batch:9 to appear)');
  });

  it('names no PRIMARY task definition in --json when the requested deployment never appears', async () => {
    // Prepare
    ecs.sim.createService('batch', { desiredCount: 2 });

    // Act
    const result = await waitFor(['batch'], ['--deployment', 'ecs-svc/999', '--timeout', '300ms', '--json']);

    // Assess
    const [line] = result.out
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(line).toMatchObject({ service: 'batch', status: 'timedOut', exitCode: 3 });
    expect(line?.['taskDefinition']).toBeUndefined();
    expect(line?.['deploymentId']).toBeUndefined();
    expect(line?.['reason']).toMatch(/^the requested deployment ecs-svc\/999 was not seen; the service runs batch:1 \(deployment \S+\)$/);
  });

  it('follows a named task definition that appears after a few sweeps', async () => {
    // Prepare
    ecs.sim.createService('api', { desiredCount: 1 });
    const deployLater = (sweep: number) => {
      if (sweep === 3) ecs.sim.deploy('api', { image: 'api:2' });
    };

    // Act
    const result = await waitFor(['api'], ['--task-definition', 'api:2'], false, deployLater);

    // Assess
    expect(result.code).toBe(0);
    expect(result.out).toMatch(/✔ api: deployment \S+ completed in \S+ \(api:2, 1\/1 running\)/);
  });

  it('exits 1 when another deployment replaces the followed one', async () => {
    // Prepare
    ecs.sim.createService('api', { desiredCount: 2 });
    const first = ecs.sim.deploy('api', { image: 'api:2' });
    const deployAgain = (sweep: number) => {
      if (sweep === 1) ecs.sim.deploy('api', { image: 'api:3' });
    };

    // Act
    const result = await waitFor(['api'], [], false, deployAgain);

    // Assess
    expect(result.code).toBe(1);
    expect(result.out).toContain(`✖ api: deployment ${first} superseded: deployment ${first} was replaced by`);
  });

  it('prints one JSON result per service on stdout and the progress on stderr with --json', async () => {
    // Prepare
    ecs.sim.createService('api', { desiredCount: 1 });
    ecs.sim.createService('web', { desiredCount: 1 });
    ecs.sim.deploy('web', { image: 'web:2' });

    // Act
    const result = await waitFor(['web', 'api'], ['--json']);

    // Assess
    const lines = result.out
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines.map((l) => [l['service'], l['status'], l['exitCode']])).toEqual([
      ['web', 'completed', 0],
      ['api', 'completed', 0],
    ]);
    expect(result.err).toContain('✔ web: deployment');
  });

  it('redraws one live line per service in place on a terminal', async () => {
    // Prepare
    ecs.sim.createService('api', { desiredCount: 2 });
    ecs.sim.deploy('api', { image: 'api:2' });

    // Act
    const result = await waitFor(['api'], [], true);

    // Assess
    expect(result.out).toContain('\u001b[1A');
    expect(result.out).toMatch(/… api \[█{10}░{10}\] 1\/2 running, 1 pending, 0 failed {2}\d+s {2}deploying api:2/);
    expect(result.out).toContain('✔ api: deployment');
  });

  it('prints plain lines only when a service changes when the output is not a terminal', async () => {
    // Prepare
    ecs.sim.createService('api', { desiredCount: 2 });
    ecs.sim.stallDeployment('api', { image: 'api:slow' });

    // Act
    const result = await waitFor(['api'], ['--timeout', '200ms']);

    // Assess
    const progress = result.out.split('\n').filter((l) => l.startsWith('['));
    expect(result.out).not.toContain('\u001b[');
    expect(progress.length).toBeGreaterThan(0);
    expect(progress.length).toBeLessThanOrEqual(3);
    expect(new Set(progress.map((l) => l.replace(/^\[[^\]]*\] /, ''))).size).toBe(progress.length);
  });

  it('exits 2 with a usage error when no --service is given', async () => {
    // Prepare
    const err = fakeStream();

    // Act
    const code = await runCommand(createWaitCommand(), ['--cluster', 'default', '--region', 'us-east-1'], ioWith(fakeStream(), err));

    // Assess
    expect(code).toBe(2);
    expect(err.text()).toContain('needs at least one --service');
  });

  it('also sends the events that ended the wait through the config senders with --config', async () => {
    // Prepare
    ecs.sim.createService('api', { desiredCount: 2 });
    ecs.sim.failDeployment('api', { image: 'api:broken' });
    const config = writeConfig({
      ecsCluster: 'default',
      AWSRegion: 'us-east-1',
      senders: [{ plugin: fixturePlugin('recording.mjs'), options: { channel: 'gate' } }],
    });
    const sent = ((globalThis as Record<symbol, Array<{ notification?: { event: { type: string; context?: unknown } } }>>)[
      Symbol.for('mona.test.recording')
    ] ??= []);
    sent.length = 0;

    // Act
    const result = await waitFor(['api'], ['--config', config]);

    // Assess
    expect(result.code).toBe(1);
    const events = sent.flatMap((s) => (s.notification ? [s.notification.event] : []));
    expect(events.map((e) => e.type)).toEqual(['DeploymentFailed', 'RollbackStarted']);
    expect(events[1]?.context).toMatchObject({ stoppedTasks: expect.any(Array) });
  });

  it('sends a timeout notification through the config senders when --timeout passes', async () => {
    // Prepare
    ecs.sim.createService('api', { desiredCount: 2 });
    const id = ecs.sim.stallDeployment('api', { image: 'api:slow' });
    const config = writeConfig({
      ecsCluster: 'default',
      AWSRegion: 'us-east-1',
      senders: [{ plugin: fixturePlugin('recording.mjs'), options: { channel: 'gate' } }],
    });
    const sent = ((globalThis as Record<symbol, Array<{ notification?: { text: string; event: { id: string } } }>>)[
      Symbol.for('mona.test.recording')
    ] ??= []);
    sent.length = 0;

    // Act
    const result = await waitFor(['api'], ['--config', config, '--timeout', '200ms']);

    // Assess
    expect(result.code).toBe(3);
    const notifications = sent.flatMap((s) => (s.notification ? [s.notification] : []));
    expect(notifications.map((n) => n.event.id)).toEqual([`default/api/${id}/DeploymentTimedOut/wait`]);
    expect(notifications[0]?.text).toContain('`api` deployment is taking a very long time: not finished after 0 seconds');
  });
});
