import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startMona } from './support/startMona.js';
import type { MonaProcess } from './support/startMona.js';
import { until } from './support/until.js';
import { startWorld } from './support/world.js';
import type { World } from './support/world.js';

let world: World;
let mona: MonaProcess | undefined;

beforeEach(async () => {
  world = await startWorld({ stepMs: 200 });
});

afterEach(async () => {
  await mona?.stop().catch(() => undefined);
  mona = undefined;
  await world?.close();
});

/** Mona's JSON log lines. */
function logLines(process: MonaProcess): Array<Record<string, unknown>> {
  return process
    .stdout()
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

/** Mona watching the simulator, sending to the fake Slack only. */
function startSlackOnly(): MonaProcess {
  const config = world.config({ checkIntervalSeconds: 0.3 });
  const [slack] = config['senders'] as unknown[];
  return startMona({ ...config, senders: [slack] });
}

describe('Slack answering Retry-After', () => {
  it('drops at once, saying why, a message Slack asks to hold for 3600 s, and waits a short Retry-After', async () => {
    // Prepare
    const { sim, slack } = world;
    sim.createService('api', { desiredCount: 1 });
    const wait = (seconds: number) => ({ status: 429, body: 'rate_limited', headers: { 'retry-after': String(seconds) } });
    slack.script(wait(3600), wait(3600), wait(2));
    mona = startSlackOnly();
    const running = mona;
    const explain = () => `\nreceived: ${JSON.stringify(world.keys().slack)}\nstdout: ${running.stdout().slice(-3000)}`;
    await until(() => slack.attempts >= 1, 'the start-up message', 20_000, explain);

    // Act
    sim.deploy('api', { image: 'api:2' });
    await until(() => world.keys().slack.includes('DeploymentCompleted:api'), 'the completion', 30_000, explain);

    // Assess
    const drops = logLines(running).filter((l) => l['msg'] === 'notification dropped: ' + String(l['reason']));
    const truthful = /^the channel asked to wait 3600 s \(Retry-After\), beyond the age limit \(\d+(\.\d)? s left of 900 s\)$/;
    expect(drops).toHaveLength(2);
    expect(drops.every((d) => truthful.test(String(d['reason'])))).toBe(true);
    const retry = logLines(running).find((l) => l['msg'] === 'delivery failed, will retry');
    expect(retry?.['delayMs']).toBeGreaterThanOrEqual(2_000);
    expect(world.keys().slack).toEqual(['DeploymentCompleted:api']);
    expect(slack.attempts).toBe(4);
  }, 60_000);
});

describe("Slack answering something other than 'ok'", () => {
  it('counts invalid_payload, no_text and channel_is_archived as failures, not deliveries, and goes on', async () => {
    // Prepare
    const { sim, slack } = world;
    sim.createService('api', { desiredCount: 1 });
    sim.createService('web', { desiredCount: 1 });
    slack.script({ status: 200, body: 'invalid_payload' }, { status: 200, body: 'no_text' }, { status: 410, body: 'channel_is_archived' });
    mona = startSlackOnly();
    const running = mona;
    const explain = () => `\nreceived: ${JSON.stringify(world.keys().slack)}\nstdout: ${running.stdout().slice(-3000)}`;
    await until(() => slack.attempts >= 1, 'the start-up message', 20_000, explain);

    // Act
    sim.deploy('api', { image: 'api:2' });
    sim.deploy('web', { image: 'web:2' });
    await until(() => slack.attempts >= 5 && world.keys().slack.length >= 2, 'every notification to be tried', 30_000, explain);

    // Assess
    const drops = logLines(running).filter((l) => l['msg'] === 'notification dropped: not retryable');
    const errors = drops.map((d) => String((d['err'] as { message?: string } | undefined)?.message));
    expect(errors).toHaveLength(3);
    expect(errors[0]).toContain('HTTP 200 invalid_payload');
    expect(errors[1]).toContain('HTTP 200 no_text');
    expect(errors[2]).toContain('HTTP 410 channel_is_archived');
    // Five notifications (start-up, two starts, two completions): the first three were refused.
    const all = [
      'MonitorStarted:-',
      'DeploymentStarted:api',
      'DeploymentStarted:web',
      'DeploymentCompleted:api',
      'DeploymentCompleted:web',
    ];
    const delivered = world.keys().slack;
    expect(delivered).toHaveLength(2);
    expect(new Set(delivered).size).toBe(2);
    expect(delivered.every((k) => all.includes(k))).toBe(true);
    expect(slack.attempts).toBe(5);
  }, 60_000);
});
