import { afterEach, describe, expect, it } from 'vitest';
import { startMona } from './support/startMona.js';
import type { MonaProcess } from './support/startMona.js';
import { until } from './support/until.js';
import { createStoryServices, playStory, STORY_EVENTS } from './support/story.js';
import { startWorld, tally } from './support/world.js';
import type { World } from './support/world.js';

let world: World | undefined;
let mona: MonaProcess | undefined;

afterEach(async () => {
  await mona?.stop().catch(() => undefined);
  await world?.close();
  mona = undefined;
  world = undefined;
});

/** Waits until Slack has `count` messages with this key, failing early if mona exited. */
function seen(key: string, count = 1, timeoutMs = 20_000): Promise<void> {
  const w = world!;
  const explain = () =>
    `\nreceived: ${JSON.stringify(w.keys().slack)}\nqueue: ${JSON.stringify(w.sim.queue.stats())}\nmona stderr: ${mona?.stderr().slice(-3000)}\nstdout: ${mona
      ?.stdout()
      .split('\n')
      .filter((l) => !l.includes('ECS API call'))
      .join('\n')
      .slice(-5000)}`;
  return until(
    () => mona?.exitCode() !== null || w.keys().slack.filter((k) => k === key).length >= count,
    `${key} ×${count} at Slack`,
    timeoutMs,
    explain,
  ).then(() => {
    if (mona?.exitCode() !== null) throw new Error(`mona exited early (${mona?.exitCode()})${explain()}`);
  });
}

/** `mona run` with the ECS events input on the simulator's queue. */
function eventsConfig(w: World, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return w.config({ events: { sqsQueueUrl: w.sim.queue.url, endpoint: w.sim.url }, ...overrides });
}

/** Every event of the semantic table but the cluster's own outage (see the next test for the queue's). */
const EXPECTED = STORY_EVENTS;

describe('mona run with ECS events (EventBridge → SQS) against the simulator', () => {
  it('delivers every event exactly once while events come late, twice and out of order, and catches a lost one by reconciling', async () => {
    // Prepare: half the events twice, every one up to 300 ms late (so they overtake each other)
    world = await startWorld({ stepMs: 300, ecsEvents: { duplicateRate: 0.5, reorderWindowMs: 300 } });
    const { sim } = world;
    createStoryServices(sim);
    mona = startMona(eventsConfig(world, { checkIntervalSeconds: 0.2, reconcileIntervalSeconds: 3, secondsUntilAlert: 2 }));
    await seen('MonitorStarted:-');

    // Act
    await playStory(sim, seen, { exitCode: 137, restartAfterMs: 2_000 });
    // Let late duplicates land: they must add nothing.
    await until(() => sim.queue.stats().depth === 0, 'the queue to drain', 10_000);
    const story = tally(world.keys().slack);
    sim.setQueueKnobs({ lossRate: 1, duplicateRate: 0, reorderWindowMs: 0 });
    const lostBefore = sim.queue.stats().lost;
    sim.deploy('api', { image: 'repo/api:v43' });
    await seen('DeploymentStarted:api', 2);
    await seen('DeploymentCompleted:api', 2);
    const stats = sim.queue.stats();
    const exitCode = await mona.stop();

    // Assess
    expect(story).toEqual(EXPECTED);
    expect(stats.duplicated).toBeGreaterThan(0);
    expect(stats.lost).toBeGreaterThan(lostBefore);
    expect(stats.deleted).toBeGreaterThan(20);
    expect(exitCode).toBe(0);
  }, 90_000);

  it('reports a deployment from its events long before the next sweep, falls back to polling while the queue is down, and says when it is back', async () => {
    // Prepare: a reconciliation once a minute, so only the events can report within the bounds below
    world = await startWorld({ stepMs: 200, ecsEvents: true });
    const { sim } = world;
    sim.createServices(30, { desiredCount: 1 });
    mona = startMona(eventsConfig(world, { reconcileIntervalSeconds: 60, checkIntervalSeconds: 0.2, degradedAfterFailures: 2 }), {
      AWS_MAX_ATTEMPTS: '1',
    });
    await seen('MonitorStarted:-');
    await until(() => sim.queue.stats().calls['ReceiveMessage'] !== undefined, 'the first long poll', 10_000);
    sim.resetCalls();

    // Act 1: a deployment, told by its events
    sim.deploy('service-07', { image: 'service:2' });
    await seen('DeploymentStarted:service-07', 1, 15_000);
    await seen('DeploymentCompleted:service-07', 1, 15_000);
    const describesWithEvents = sim.calls['DescribeServices'] ?? 0;

    // Act 2: the queue goes down; polling takes over; the queue comes back
    sim.setQueueKnobs({ outage: true });
    await seen('MonitorDegraded:-', 1, 20_000);
    sim.deploy('service-21', { image: 'service:2' });
    await seen('DeploymentStarted:service-21', 1, 15_000);
    sim.setQueueKnobs({ outage: false });
    await seen('MonitorRecovered:-', 1, 20_000);
    sim.crashTasks('service-03', 1, { restartAfterMs: 3_000 });
    await seen('TaskCrashed:service-03', 1, 15_000);
    const exitCode = await mona.stop();

    // Assess: the events path described one service at a time, never the 3 batches of a sweep each time
    expect(describesWithEvents).toBeGreaterThan(0);
    expect(describesWithEvents).toBeLessThan(3 * 6);
    const degraded = world.slack.messages.find((m) => m.text.startsWith(':warning: Mona cannot read cluster'));
    expect(degraded?.text).toContain('sqs:mona-events');
    expect(tally(world.keys().slack)['MonitorDegraded:-']).toBe(1);
    expect(tally(world.keys().slack)['MonitorRecovered:-']).toBe(1);
    expect(exitCode).toBe(0);
  }, 90_000);

  it('reads the queue through AWS_ENDPOINT_URL_SQS, with no endpoint in the config', async () => {
    world = await startWorld({ stepMs: 200, ecsEvents: true });
    const { sim } = world;
    sim.createService('api', { desiredCount: 1 });
    mona = startMona(world.config({ events: { sqsQueueUrl: sim.queue.url }, reconcileIntervalSeconds: 60 }), {
      AWS_ENDPOINT_URL_SQS: sim.url,
    });
    await seen('MonitorStarted:-');

    // ECS takes a while to replace a crashed task; the simulator's default is one step.
    sim.crashTasks('api', 1, { restartAfterMs: 3_000 });
    await seen('TaskCrashed:api', 1, 15_000);

    expect(sim.queue.stats().calls['DeleteMessageBatch']).toBeGreaterThan(0);
  }, 60_000);
});
