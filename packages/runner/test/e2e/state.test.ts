import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startMona } from './support/startMona.js';
import type { MonaProcess } from './support/startMona.js';
import { until } from './support/until.js';
import { startSlackApi } from './support/startSlackApi.js';
import { slackKey, startWorld, tally } from './support/world.js';
import type { World } from './support/world.js';

let world: World;
const monas: MonaProcess[] = [];
let stateDir = '';

beforeAll(async () => {
  world = await startWorld({ stepMs: 300 });
});
beforeEach(() => {
  stateDir = mkdtempSync(join(tmpdir(), 'mona-e2e-shared-state-'));
});
afterAll(async () => {
  await Promise.all(monas.map((m) => m.kill().catch(() => undefined)));
  await world?.close();
});

/** A `mona run` on the simulator with the Slack webhook only, keeping its state in this test's directory. */
function start(overrides: Record<string, unknown> = {}): MonaProcess {
  const config = world.config({
    checkIntervalSeconds: 0.2,
    secondsUntilAlert: 60,
    senders: [{ plugin: '@mona-ecs/sender-slack', options: { webhookUrl: world.slack.url } }],
    ...overrides,
  });
  const mona = startMona(config, { MONA_STATE_DIR: stateDir });
  monas.push(mona);
  return mona;
}

const explain = () =>
  `\nreceived: ${JSON.stringify(world.keys().slack)}\nstderr: ${monas.map((m) => m.stderr().slice(-3000)).join('\n---\n')}`;
const slackCount = (key: string) => world.keys().slack.filter((k) => k === key).length;

describe('mona run with a state file', () => {
  it('after a SIGKILL mid-deployment and a restart once it ended, reports each event exactly once, the end marked as caught up', async () => {
    // Prepare
    world.slack.messages.length = 0;
    // Ten tasks: a rollout long enough to be still running at the kill (the premise, checked below).
    world.sim.createService('ledger', { desiredCount: 10 });
    const first = start();
    await until(() => slackCount('MonitorStarted:-') === 1, 'the start-up message', 15_000, explain);
    world.sim.deploy('ledger', { image: 'ledger:2' });
    await until(() => slackCount('DeploymentStarted:ledger') === 1, 'DeploymentStarted', 15_000, explain);
    // Not in the middle of a send: a crash between Slack's answer and the ledger's record is the
    // one duplicate the design allows (see the README), so wait until the ledger has it.
    await until(() => ledgerDelivered('DeploymentStarted'), 'DeploymentStarted recorded in the ledger', 15_000, explain);
    // Act: a crash, and the deployment ends while Mona is down.
    await first.kill();
    const busyAtKill = world.sim.isBusy('ledger');
    await until(() => !world.sim.isBusy('ledger'), 'the deployment to end while Mona is down', 20_000, explain);
    const second = start();
    await until(() => slackCount('DeploymentCompleted:ledger') >= 1, 'the completion after the restart', 20_000, explain);
    await new Promise((resolve) => setTimeout(resolve, 1_000)); // a few more sweeps: nothing else may come
    const exit = await second.stop();
    // Assess
    expect(busyAtKill).toBe(true);
    expect(exit).toBe(0);
    expect(tally(world.keys().slack)).toEqual({ 'MonitorStarted:-': 1, 'DeploymentStarted:ledger': 1, 'DeploymentCompleted:ledger': 1 });
    const done = world.slack.messages.find((m) => m.text.includes('deployment done'));
    expect(done?.text).toContain('while Mona was not running');
    expect(world.slack.messages.some((m) => m.text.includes(':boom:'))).toBe(false);
  }, 60_000);

  it('after a SIGKILL mid-deployment and a restart before it ended, follows it: each event once, the completion a reply in its Slack thread, the parent updated', async () => {
    // Prepare: the Slack bot sender (threads), a rollout slow enough to outlast the restart
    // (one task a second, 8 tasks, in a simulator of its own).
    const [api, slow] = await Promise.all([startSlackApi(), startWorld({ stepMs: 1_000 })]);
    try {
      slow.sim.createService('payments', { desiredCount: 8 });
      const bot = [
        { plugin: '@mona-ecs/sender-slack', options: { token: 'xoxb-e2e-not-a-secret', channel: 'C0E2E', slackApiUrl: api.url } },
      ];
      const posts = () => api.calls.filter((c) => c.method === 'chat.postMessage');
      const keys = () => posts().map((c) => slackKey(c.text));
      const explainApi = () => `\nposts: ${JSON.stringify(keys())}${explain()}`;
      const startSlow = (overrides: Record<string, unknown> = {}) => {
        const mona = startMona(slow.config({ checkIntervalSeconds: 0.2, secondsUntilAlert: 60, senders: bot, ...overrides }), {
          MONA_STATE_DIR: stateDir,
        });
        monas.push(mona);
        return mona;
      };
      const first = startSlow();
      await until(() => keys().includes('MonitorStarted:-'), 'the start-up message', 15_000, explainApi);
      slow.sim.deploy('payments', { image: 'payments:2' });
      await until(() => keys().includes('DeploymentStarted:payments'), 'DeploymentStarted', 15_000, explainApi);
      // The thread parent is a sender value in the state file, and the start is in the ledger.
      await until(() => ledgerDelivered('DeploymentStarted') && storedValues() > 0, 'the thread parent stored', 15_000, explainApi);
      // Act: a crash, and a restart while the deployment still rolls
      await first.kill();
      const second = startSlow({ logLevel: 'info' });
      await until(() => second.stdout().includes('"msg":"mona started"'), 'the restart', 15_000, explainApi);
      const busyAtRestart = slow.sim.isBusy('payments');
      await until(() => keys().includes('DeploymentCompleted:payments'), 'the completion after the restart', 40_000, explainApi);
      await new Promise((resolve) => setTimeout(resolve, 1_000)); // a few more sweeps: nothing else may come
      const exit = await second.stop();
      // Assess
      expect(busyAtRestart).toBe(true);
      expect(second.stdout()).toContain('resuming from saved state');
      expect(exit).toBe(0);
      expect(tally(keys())).toEqual({ 'MonitorStarted:-': 1, 'DeploymentStarted:payments': 1, 'DeploymentCompleted:payments': 1 });
      const parent = posts().find((c) => slackKey(c.text) === 'DeploymentStarted:payments')!;
      const done = posts().find((c) => slackKey(c.text) === 'DeploymentCompleted:payments')!;
      expect(done.threadTs).toBe(parent.ts);
      expect(api.calls.some((c) => c.method === 'chat.update' && c.ts === parent.ts)).toBe(true);
      expect(posts().some((c) => c.text.includes(':boom:'))).toBe(false);
    } finally {
      await Promise.all([api.close(), slow.close()]);
    }
  }, 90_000);

  it('after a SIGKILL while Slack answers 500, delivers everything queued exactly once when Slack and Mona are back', async () => {
    // Prepare
    world.slack.messages.length = 0;
    world.sim.createService('billing', { desiredCount: 2 });
    world.slack.mode = 'fail';
    const attemptsAtStart = world.slack.attempts;
    const first = start({ delivery: { attemptTimeoutMs: 2_000 } });
    await until(() => world.slack.attempts > attemptsAtStart, 'a first failed Slack attempt (the first sweep happened)', 15_000, explain);
    world.sim.deploy('billing', { image: 'billing:2' });
    await until(() => outboxHas('DeploymentStarted'), 'DeploymentStarted in the outbox, Slack still failing', 15_000, explain);
    // Act
    await first.kill();
    world.slack.mode = 'ok';
    const second = start();
    await until(() => slackCount('DeploymentStarted:billing') >= 1, 'the queued DeploymentStarted', 20_000, explain);
    await until(() => slackCount('DeploymentCompleted:billing') >= 1, 'the completion', 25_000, explain);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    await second.stop();
    // Assess
    expect(tally(world.keys().slack)).toEqual({ 'MonitorStarted:-': 1, 'DeploymentStarted:billing': 1, 'DeploymentCompleted:billing': 1 });
  }, 60_000);

  it('refuses a corrupt state file with exit 2, naming the path and the fix, and leaves it as it was', async () => {
    // Prepare
    const path = join(stateDir, 'state.json');
    writeFileSync(path, '{"format":"mona-state",');
    // Act
    const mona = start();
    const code = await mona.exited();
    // Assess
    expect(code).toBe(2);
    expect(mona.stderr()).toContain(`MONA_STATE_CORRUPT: state file ${path} is not valid JSON`);
    expect(mona.stderr()).toContain('Fix: restore it from a backup, or move it away');
    expect(readFileSync(path, 'utf8')).toBe('{"format":"mona-state",');
  });

  it('stops a second process on the same state file at once with exit 2, naming the first', async () => {
    // Prepare
    const first = start();
    await until(() => readable(join(stateDir, 'state.json.holder')), 'the first to hold the file', 15_000, explain);
    // Act
    const startedAt = Date.now();
    const second = start();
    const code = await second.exited();
    const tookMs = Date.now() - startedAt;
    await first.stop();
    // Assess
    expect(code).toBe(2);
    expect(second.stderr()).toMatch(/MONA_STATE_LOCKED: state file .*state\.json is in use by pid \d+/);
    expect(tookMs).toBeLessThan(10_000);
  });
});

/** True when the state file's ledger records an event of this type as delivered. */
function ledgerDelivered(type: string): boolean {
  try {
    const data = JSON.parse(readFileSync(join(stateDir, 'state.json'), 'utf8')) as { ledger: { eventId: string; state: string }[] };
    return data.ledger.some((l) => l.eventId.endsWith(`/${type}`) && l.state === 'delivered');
  } catch {
    return false;
  }
}

/** How many sender values (the Slack bot's thread parents) the state file holds. */
function storedValues(): number {
  try {
    return (JSON.parse(readFileSync(join(stateDir, 'state.json'), 'utf8')) as { values: unknown[] }).values.length;
  } catch {
    return 0;
  }
}

/** True when the state file's outbox holds a notification of this event type. */
function outboxHas(type: string): boolean {
  try {
    const data = JSON.parse(readFileSync(join(stateDir, 'state.json'), 'utf8')) as {
      outbox: { entry: { notification: { event: { type: string } } } }[];
    };
    return data.outbox.some((o) => o.entry.notification.event.type === type);
  } catch {
    return false; // not written yet, or caught between writes: ask again
  }
}

function readable(path: string): boolean {
  try {
    readFileSync(path);
    return true;
  } catch {
    return false;
  }
}
