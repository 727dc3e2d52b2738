import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMona } from './support/startMona.js';
import type { MonaProcess } from './support/startMona.js';
import { until } from './support/until.js';
import { startWorld } from './support/world.js';
import type { World } from './support/world.js';

let world: World;
let mona: MonaProcess | undefined;

beforeAll(async () => {
  world = await startWorld();
});

afterAll(async () => {
  await mona?.stop().catch(() => undefined);
  await world?.close();
});

describe('SIGTERM while a notification is being sent', () => {
  it('waits for the pending send to be delivered, then exits 0', async () => {
    // Prepare
    const { sim, slack } = world;
    sim.createService('api', { desiredCount: 1 });
    slack.mode = 'hold';
    mona = startMona(world.config({ logLevel: 'info' }));
    const running = mona;
    const explain = () => `\nheld ${slack.held}\nstdout: ${running.stdout().slice(-2000)}\nstderr: ${running.stderr().slice(-2000)}`;
    await until(() => slack.held === 1, 'the start-up message to reach Slack', 15_000, explain);
    // Act
    const exit = running.stop();
    await until(() => running.stdout().includes('"msg":"stopping"'), 'mona to start stopping', 10_000, explain);
    const exitedBeforeDelivery = running.exitCode();
    await slack.release();
    const code = await exit;
    // Assess
    expect(exitedBeforeDelivery).toBeNull();
    expect(code).toBe(0);
    expect(world.keys().slack).toEqual(['MonitorStarted:-']);
  });
});
