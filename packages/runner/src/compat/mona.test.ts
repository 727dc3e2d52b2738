import { startSimulator } from '@mona-ecs/ecs-simulator';
import type { Simulator } from '@mona-ecs/ecs-simulator';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ConfigError } from '../errors.js';
import { mona } from '../index.js';
import type { MonaHandle } from '../index.js';

let sim: Simulator;
let running: MonaHandle | undefined;

beforeEach(async () => {
  sim = await startSimulator({ clock: 'real', stepMs: 20 });
  // The original had no endpoint parameter: the SDK's standard configuration reaches the simulator.
  vi.stubEnv('AWS_ENDPOINT_URL_ECS', sim.url);
  vi.stubEnv('AWS_ACCESS_KEY_ID', 'AKIDEXAMPLE');
  vi.stubEnv('AWS_SECRET_ACCESS_KEY', 'example-secret');
  vi.stubEnv('AWS_EC2_METADATA_DISABLED', 'true');
});
afterEach(async () => {
  await running?.stop();
  running = undefined;
  vi.unstubAllEnvs();
  await sim.close();
});

async function until(check: () => boolean): Promise<void> {
  for (let i = 0; i < 1000 && !check(); i += 1) await new Promise((r) => setTimeout(r, 10));
  if (!check()) throw new Error('condition not reached in 10 s');
}

/** The original's parameters, fast enough for a test; the logger swallows lines into `logs`. */
function params(logs: unknown[][] = []) {
  const keep = (...args: unknown[]) => void logs.push(args);
  return {
    ecsCluster: 'default',
    AWSRegion: sim.region,
    checkIntervalSeconds: 0.05,
    secondsUntilAlert: 600,
    enrichment: { enabled: false },
    logger: { debug: keep, info: keep, warn: keep, error: keep },
  };
}

describe('mona(params, messageSender, messageFormatter): the original API as a drop-in', () => {
  it("sends the original's messages for a deployment through a plain { send } object", async () => {
    // Prepare
    sim.createService('api', { desiredCount: 2 });
    const messages: string[] = [];
    const messageSender = { send: (message: string) => void messages.push(message) };

    // Act
    running = await mona(params(), messageSender);
    await until(() => messages.some((m) => m.includes('is deployed and monitoring')));
    sim.deploy('api', { image: 'api:2' });
    await until(() => messages.some((m) => m.includes('deployment done')));

    // Assess
    expect(messages).toHaveLength(3);
    expect(messages[0]).toBe(':eyes: Mona is deployed and monitoring 1 service in cluster `default`: `api`');
    expect(messages[1]).toMatch(/^:arrows_clockwise: `api` deployment started with task definition `api:2`$/);
    expect(messages[2]).toMatch(/^:white_check_mark: `api` deployment done with `2` instances and task definition `api:2` \(took \d+s\)$/);
  });

  it("calls the original's formatter keys with the original's serviceState fields", async () => {
    // Prepare
    sim.createService('api', { desiredCount: 1 });
    const messages: string[] = [];
    const messageFormatter = {
      monitorDeploy: (serviceNames: string[], cluster: string) => `watching ${serviceNames.join(',')} in ${cluster}`,
      deploy: (s: { service: string; taskDef: string; deploymentId: string }) =>
        `${s.service} -> ${s.taskDef.split('/').at(-1)} (${s.deploymentId.startsWith('ecs-svc/') ? 'id ok' : 'no id'})`,
      deployDone: (s: { service: string; runningCount: number; desiredCount: number }) =>
        `${s.service} ${s.runningCount}/${s.desiredCount}`,
    };

    // Act
    running = await mona(params(), { send: async (m: string) => void messages.push(m) }, messageFormatter);
    await until(() => messages.length > 0);
    sim.deploy('api', { image: 'api:2' });
    await until(() => messages.length >= 3);

    // Assess
    expect(messages).toEqual(['watching api in default', 'api -> api:2 (id ok)', 'api 1/1']);
  });

  it("logs through the original's logger with (message, fields)", async () => {
    // Prepare
    sim.createService('api');
    const logs: unknown[][] = [];
    const messages: string[] = [];

    // Act
    running = await mona(params(logs), { send: (m: string) => void messages.push(m) });
    await until(() => messages.length > 0);

    // Assess
    const started = logs.find(([message]) => message === 'mona started');
    expect(started?.[1]).toMatchObject({ clusters: [{ cluster: 'default', region: sim.region }], senders: ['messageSender'] });
    expect(logs.every(([message]) => typeof message === 'string')).toBe(true);
  });

  it('retries a rejected send, then stops: the queue drained and the sender closed, twice safely', async () => {
    // Prepare
    sim.createService('api');
    let calls = 0;
    let closed = 0;
    const delivered: string[] = [];
    const messageSender = {
      send: async (m: string) => {
        calls += 1;
        if (calls === 1) throw new Error('connect ECONNREFUSED 127.0.0.1:9');
        delivered.push(m);
      },
      close: () => void (closed += 1),
    };

    // Act
    const monitor = await mona(params(), messageSender);
    await until(() => delivered.length > 0);
    await Promise.all([monitor.stop(), monitor.stop()]);

    // Assess
    expect(calls).toBe(2);
    expect(delivered[0]).toContain('is deployed and monitoring');
    expect(closed).toBe(1);
  });

  it('rejects every bad argument at once, before any ECS call', async () => {
    // Prepare
    sim.resetCalls();
    const bad = { ecsCluster: 'default', AWSRegion: sim.region, checkIntervalSeconds: -1, senders: [] } as unknown as Parameters<
      typeof mona
    >[0];

    // Act
    const error = await mona(bad, {} as unknown as { send(m: string): void }).catch((e: unknown) => e);

    // Assess
    expect(error).toBeInstanceOf(ConfigError);
    const paths = (error as ConfigError).issues.map((i) => `${i.path} ${i.message}`);
    expect(paths).toEqual([
      'messageSender has no send(message) function',
      '/senders is not a mona() parameter',
      '/checkIntervalSeconds must be > 0',
    ]);
    expect(sim.calls).toEqual({});
  });

  it('sends only the kinds of message listed in events, and names a bad one', async () => {
    // Prepare
    sim.createService('web', { desiredCount: 2 });
    const messages: string[] = [];

    // Act
    const bad = await mona({ ...params(), events: ['deploydone'] } as never, { send: () => {} }).catch((e: ConfigError) => e.issues);
    running = await mona({ ...params(), events: ['monitorDeploy', 'deployDone'] }, { send: (m: string) => void messages.push(m) });
    await until(() => messages.length > 0);
    sim.deploy('web', { image: 'web:2' });
    await until(() => messages.length > 1);

    // Assess
    expect(bad).toEqual([expect.objectContaining({ path: '/events/0', message: '"deploydone" is not a formatter key' })]);
    expect(messages).toHaveLength(2);
    expect(messages[1]).toContain('`web` deployment done with `2` instances and task definition `web:2`');
  });

  it('rejects an unknown formatter key, naming it', async () => {
    // Act
    const error = await mona(params(), { send: () => {} }, { deployed: () => 'x' } as never).catch((e: unknown) => e);

    // Assess
    expect((error as Error).message).toContain('messageFormatter: deployed: not a formatter key');
    expect((error as { code?: string }).code).toBe('MONA_FORMATTER_INVALID');
  });
});
