import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMona } from './support/startMona.js';
import type { MonaProcess } from './support/startMona.js';
import { until } from './support/until.js';
import { createStoryServices, playStory, STORY_EVENTS } from './support/story.js';
import { startWorld, tally } from './support/world.js';
import type { World } from './support/world.js';

const HOSTILE = 'Essential container in task exited <!channel> <script>alert(1)</script>';
const OOM = 'OutOfMemoryError: Container killed due to memory usage';

/** What the story below must produce, once each, at every sender. */
const EXPECTED: Record<string, number> = { ...STORY_EVENTS, 'MonitorDegraded:-': 1, 'MonitorRecovered:-': 1 };
const TOTAL = Object.values(EXPECTED).reduce((a, b) => a + b, 0);

let world: World;
let mona: MonaProcess;
let exitCode: number;

/** Wait until Slack has at least `count` messages with this key. */
const seen = (key: string, count = 1) =>
  until(
    () => mona.exitCode() !== null || world.keys().slack.filter((k) => k === key).length >= count,
    `${key} ×${count} at Slack`,
    20_000,
    explain,
  ).then(() => {
    if (mona.exitCode() !== null) throw new Error(`mona exited early (${mona.exitCode()})${explain()}`);
  });

const explain = () => `\nreceived: ${JSON.stringify(world.keys())}\nmona stderr: ${mona?.stderr().slice(-3000)}`;

// One story drives every event type through the built CLI; the tests below read its outcome.
beforeAll(async () => {
  world = await startWorld({ stepMs: 300 });
  const { sim } = world;
  createStoryServices(sim);
  mona = startMona(world.config({ checkIntervalSeconds: 0.1, secondsUntilAlert: 2 }));
  await seen('MonitorStarted:-');

  // Both tasks: replacements start one per step, so the crash outlasts several sweeps even on a busy machine.
  await playStory(sim, seen, { exitCode: 137, reason: OOM, stoppedReason: HOSTILE });

  world.proxy.down = true;
  await seen('MonitorDegraded:-');
  world.proxy.down = false;
  await seen('MonitorRecovered:-');

  await until(() => Object.values(world.keys()).every((keys) => keys.length >= TOTAL), 'every sender to catch up', 10_000);
  exitCode = await mona.stop();
}, 60_000);

afterAll(async () => {
  await mona?.stop().catch(() => undefined);
  await world?.close();
});

/** The message a sender got for `key` (the first). */
function find<T>(items: readonly T[], keys: readonly string[], key: string): T {
  const at = keys.indexOf(key);
  if (at < 0) throw new Error(`no ${key} among ${keys.join(', ')}`);
  return items[at]!;
}

describe('mona run against the simulator, with Slack, SNS and email', () => {
  it('delivers every event type exactly once to each sender, then stops cleanly', () => {
    // Prepare
    const keys = world.keys();
    // Act
    const received = { slack: tally(keys.slack), email: tally(keys.email), sns: tally(keys.sns) };
    // Assess
    expect(received).toEqual({ slack: EXPECTED, email: EXPECTED, sns: EXPECTED });
    expect(new Set(world.smtp.messages.map((m) => m.headers['message-id'])).size).toBe(TOTAL);
    expect(exitCode).toBe(0);
  });

  it('shows the exit code and the OutOfMemoryError of a crash in every channel, escaped', () => {
    // Prepare
    const keys = world.keys();
    // Act
    const slack = find(world.slack.messages, keys.slack, 'TaskCrashed:worker').all;
    const email = find(world.smtp.messages, keys.email, 'TaskCrashed:worker');
    const sns = find(world.sim.published, keys.sns, 'TaskCrashed:worker').message;
    // Assess
    for (const text of [slack, email.html, email.text, sns]) {
      expect(text).toContain('137');
      expect(text).toContain('OutOfMemoryError');
    }
    expect(slack).toContain('&lt;!channel&gt;');
    expect(slack).not.toContain('<!channel>');
    expect(email.html).toContain('‹script&gt;');
    expect(email.html).not.toContain('<script>');
    // SNS subscribers may forward the message to a chat: the mention arrives defused.
    expect(sns).toContain('‹!channel>');
    expect(sns).not.toContain('<!channel>');
  });

  it('shows the image tag change of a deployment in every channel', () => {
    // Prepare
    const keys = world.keys();
    // Act
    const texts = [
      find(world.slack.messages, keys.slack, 'DeploymentStarted:api').all,
      find(world.smtp.messages, keys.email, 'DeploymentStarted:api').text,
      find(world.sim.published, keys.sns, 'DeploymentStarted:api').message,
    ];
    // Assess
    for (const text of texts) expect(text).toMatch(/api:1 → repo\/api:v42/);
  });

  it('warns that tasks are failing before the circuit breaker fails the deployment', () => {
    // Prepare
    const keys = world.keys();
    // Act
    const order = Object.values(keys).map((list) => [list.indexOf('TasksFailing:web'), list.indexOf('DeploymentFailed:web')]);
    // Assess
    for (const [failing, failed] of order) {
      expect(failing).toBeGreaterThanOrEqual(0);
      expect(failing).toBeLessThan(failed!);
    }
  });
});
