import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMona } from './support/startMona.js';
import type { MonaProcess } from './support/startMona.js';
import { until } from './support/until.js';
import { startWorld, tally } from './support/world.js';
import type { World } from './support/world.js';

const worlds: World[] = [];
const monas: MonaProcess[] = [];

afterAll(async () => {
  await Promise.all(monas.map((m) => m.stop().catch(() => undefined)));
  await Promise.all(worlds.map((w) => w.close()));
});

/** The titles (SNS subjects) one run of the story produced, once every chapter was seen. */
async function playStory(world: World): Promise<Record<string, number>> {
  const { sim } = world;
  for (const name of ['api', 'web', 'worker']) sim.createService(name, { desiredCount: 2 });
  // Transient failures must stay invisible: a streak of failed sweeps is not an outage here.
  const mona = startMona(world.config({ checkIntervalSeconds: 0.1, secondsUntilAlert: 30, degradedAfterFailures: 10 }));
  monas.push(mona);
  const explain = () =>
    `\n${JSON.stringify(sim.throttled)} received: ${JSON.stringify(world.keys().sns)}\nstderr: ${mona.stderr().slice(-2000)}`;
  const has = (key: string) => world.keys().sns.includes(key);
  await until(() => has('MonitorStarted:-'), 'the start-up message', 15_000, explain);
  sim.deploy('api', { image: 'api:2' });
  sim.scale('web', 3);
  // Both tasks: ECS replaces them one per step, so the outage outlasts the SDK's adaptive slow-down.
  sim.crashTasks('worker', 2);
  await until(
    () => ['DeploymentCompleted:api', 'DeploymentCompleted:web', 'DeploymentCompleted:worker'].every(has),
    'every chapter to complete',
    30_000,
    explain,
  );
  expect(await mona.stop()).toBe(0);
  return tally(sim.published.map((p) => p.subject ?? ''));
}

describe('mona under ECS throttling', () => {
  let calm: Record<string, number>;
  let throttled: Record<string, number>;
  let throttledCalls = 0;

  beforeAll(async () => {
    const [a, b] = await Promise.all([startWorld({ stepMs: 1000 }), startWorld({ stepMs: 1000, throttleRate: 0.3 })]);
    worlds.push(a, b);
    [calm, throttled] = await Promise.all([playStory(a), playStory(b)]);
    throttledCalls = Object.values(b.sim.throttled).reduce((sum, n) => sum + n, 0);
  }, 50_000);

  it('shows users the same notifications when 30 % of ECS calls are throttled', () => {
    // Prepare
    const expected = {
      'Mona: monitoring 3 services (default)': 1,
      'api: deployment started (default)': 1,
      'api: deployment done (default)': 1,
      // SNS subjects are ASCII: the sender drops the arrow of the title.
      'web: scaling 2 -> 3 (default)': 1,
      'web: scaling done (default)': 1,
      'worker: task crashed (default)': 1,
      'worker: recovered (default)': 1,
    };
    // Act
    const seen = { calm, throttled };
    // Assess
    expect(throttledCalls).toBeGreaterThan(0);
    expect(seen).toEqual({ calm: expected, throttled: expected });
  });
});
