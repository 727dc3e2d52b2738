import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMona } from './support/startMona.js';
import type { MonaProcess } from './support/startMona.js';
import { until } from './support/until.js';
import { startWorld } from './support/world.js';
import type { World } from './support/world.js';

let world: World;
let mona: MonaProcess | undefined;

beforeAll(async () => {
  world = await startWorld({ stepMs: 200 });
});

afterAll(async () => {
  await mona?.stop().catch(() => undefined);
  await world?.close();
});

describe('a Slack outage', () => {
  it('does not hold back email or SNS while Slack answers 500', async () => {
    // Prepare
    const { sim, slack } = world;
    sim.createService('api', { desiredCount: 2 });
    slack.mode = 'fail';
    mona = startMona(world.config({ checkIntervalSeconds: 0.1 }));
    const explain = () =>
      `\nreceived: ${JSON.stringify(world.keys())}, slack attempts ${slack.attempts}\nstderr: ${mona?.stderr().slice(-2000)}`;
    await until(() => world.keys().email.includes('MonitorStarted:-'), 'the start-up email', 15_000, explain);
    // Act
    sim.deploy('api', { image: 'api:2' });
    const chapter = ['MonitorStarted:-', 'DeploymentStarted:api', 'DeploymentCompleted:api'];
    await until(
      () => chapter.every((k) => world.keys().email.includes(k) && world.keys().sns.includes(k)),
      'email and SNS',
      15_000,
      explain,
    );
    const slackDuringOutage = [...slack.messages];
    await until(() => slack.attempts >= 2, 'Slack to be retried', 15_000, explain);
    // Assess
    const keys = world.keys();
    expect(keys.email).toEqual(chapter);
    expect(keys.sns).toEqual(chapter);
    expect(slackDuringOutage).toEqual([]);
    expect(slack.attempts).toBeGreaterThanOrEqual(2);
  });
});
