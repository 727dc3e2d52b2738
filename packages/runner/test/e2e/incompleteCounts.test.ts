import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMona } from './support/startMona.js';
import type { MonaProcess } from './support/startMona.js';
import { until } from './support/until.js';
import { startWorld, tally } from './support/world.js';
import type { World } from './support/world.js';

let world: World;
let mona: MonaProcess | undefined;

beforeAll(async () => {
  world = await startWorld({ stepMs: 100, seed: 12 });
});

afterAll(async () => {
  await mona?.stop().catch(() => undefined);
  await world?.close();
});

/** The JSON log lines of the run whose message starts with `prefix`. */
function logLines(output: string, prefix: string): Record<string, unknown>[] {
  return output
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as Record<string, unknown>)
    .filter((line) => typeof line['msg'] === 'string' && line['msg'].startsWith(prefix));
}

describe('DescribeServices answers without counts (issue 12, item 3)', () => {
  it('never reports a false scale or removal, logs each service once, and keeps monitoring', async () => {
    // Prepare
    const { sim, slack } = world;
    sim.createService('api', { desiredCount: 2 });
    sim.createService('web', { desiredCount: 2 });
    mona = startMona(world.config({ checkIntervalSeconds: 0.1 }));
    const explain = () =>
      `\nslack: ${JSON.stringify(world.keys().slack)}\nstripped ${sim.answerFaults.stripped}\nstderr: ${mona?.stderr().slice(-2000)}`;
    await until(() => world.keys().slack.includes('MonitorStarted:-'), 'the start-up message', 15_000, explain);
    // Act: ten answers without counts or deployments, then ten more of which about half are stripped
    sim.answerFaults.stripServiceFields = ['runningCount', 'desiredCount', 'pendingCount', 'deployments'];
    await until(() => sim.answerFaults.stripped >= 10, 'ten stripped answers', 15_000, explain);
    sim.answerFaults.stripRate = 0.5;
    await until(() => sim.answerFaults.stripped >= 20, 'ten more stripped answers', 20_000, explain);
    sim.answerFaults.stripServiceFields = [];
    const duringFaults = [...world.keys().slack];
    // A real change afterwards: monitoring went on, with the right baseline
    sim.scale('web', 3);
    await until(() => world.keys().slack.includes('DeploymentCompleted:web'), 'the real scale to complete', 15_000, explain);
    expect(await mona.stop()).toBe(0);
    // Assess
    expect(duringFaults).toEqual(['MonitorStarted:-']);
    expect(tally(world.keys().slack)).toEqual({ 'MonitorStarted:-': 1, 'ScalingStarted:web': 1, 'DeploymentCompleted:web': 1 });
    expect(slack.messages.find((m) => m.text.includes('scaling from'))?.text).toContain('scaling from 2 to 3 instances');
    const warnings = logLines(mona.stdout(), 'ECS answered for a service without its counts');
    expect(warnings.map((w) => w['service']).sort()).toEqual(['api', 'web']);
    expect(warnings[0]?.['missing']).toEqual(['desiredCount', 'runningCount', 'deployments']);
  }, 60_000);
});
