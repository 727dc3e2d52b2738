import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMona } from './support/startMona.js';
import type { MonaProcess } from './support/startMona.js';
import { until } from './support/until.js';
import { startWorld } from './support/world.js';
import type { World } from './support/world.js';

let world: World;
const monas: MonaProcess[] = [];

beforeAll(async () => {
  // Slow enough (8 tasks, one a second) that the deployment is still running when the second
  // process has started, even on a loaded machine.
  world = await startWorld({ stepMs: 1000 });
});

afterAll(async () => {
  await Promise.all(monas.map((m) => m.stop().catch(() => undefined)));
  await world?.close();
});

describe('mona restarted in the middle of a deployment', () => {
  it('adopts the deployment and reports its completion, never a false crash', async () => {
    // Prepare
    const { sim, slack } = world;
    sim.createService('api', { desiredCount: 8 });
    const explain = () => `\nreceived: ${JSON.stringify(world.keys())}\nstderr: ${monas.map((m) => m.stderr()).join('\n---\n')}`;
    const slackHas = (key: string, count = 1) => world.keys().slack.filter((k) => k === key).length >= count;
    const first = startMona(world.config({ checkIntervalSeconds: 0.1, secondsUntilAlert: 30 }));
    monas.push(first);
    await until(() => slackHas('MonitorStarted:-'), 'the first start-up message', 15_000, explain);
    sim.deploy('api', { image: 'api:2' });
    await until(() => slackHas('DeploymentStarted:api'), 'DeploymentStarted', 15_000, explain);
    // Act: a restart as an orchestrator does it (SIGTERM, then a new process), this one finding
    // the ECS endpoint through the SDK's own variable instead of the config.
    const firstExit = await first.stop();
    const busyAtRestart = sim.isBusy('api');
    const second = startMona(world.config({ checkIntervalSeconds: 0.1, secondsUntilAlert: 30, ecs: {} }), {
      AWS_ENDPOINT_URL_ECS: world.proxy.url,
    });
    monas.push(second);
    await until(() => slackHas('DeploymentCompleted:api'), 'the completion after the restart', 20_000, explain);
    const secondExit = await second.stop();
    // Assess
    expect(firstExit).toBe(0);
    expect(busyAtRestart).toBe(true);
    expect(secondExit).toBe(0);
    expect(world.keys().slack).toEqual(['MonitorStarted:-', 'DeploymentStarted:api', 'MonitorStarted:-', 'DeploymentCompleted:api']);
    expect(slack.messages.some((m) => m.text.includes(':boom:'))).toBe(false);
    // The waits above are bounded on their own (15 + 15 + 20 s); the test's bound must hold them.
  }, 60_000);
});
