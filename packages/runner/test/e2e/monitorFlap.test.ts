import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMona } from './support/startMona.js';
import type { MonaProcess } from './support/startMona.js';
import { until } from './support/until.js';
import { startWorld, tally } from './support/world.js';
import type { World } from './support/world.js';

let world: World;
let mona: MonaProcess | undefined;

beforeAll(async () => {
  world = await startWorld({ stepMs: 200, seed: 21 });
});

afterAll(async () => {
  await mona?.stop().catch(() => undefined);
  await world?.close();
});

const HEALTH = new Set(['MonitorDegraded:-', 'MonitorRecovered:-']);
/** How long the faults last: the run saw six degraded/recovered messages in 16 s. */
const FLAP_MS = 16_000;

describe('a cluster whose ECS calls fail 70 % of the time (issue 12, item 4)', () => {
  it('sends one degraded message while it flaps and one recovered message, with the count, once the faults stop', async () => {
    // Prepare: one attempt per call, so that 70 % of calls failing is 70 % of sweeps failing
    const { sim, slack } = world;
    sim.createService('api', { desiredCount: 2 });
    mona = startMona(world.config({ checkIntervalSeconds: 0.2, degradedAfterFailures: 3 }), { AWS_MAX_ATTEMPTS: '1' });
    const health = () => world.keys().slack.filter((k) => HEALTH.has(k));
    const explain = () =>
      `\nslack: ${JSON.stringify(world.keys().slack)}\nthrottled ${JSON.stringify(sim.throttled)}\nstderr: ${mona?.stderr().slice(-2000)}`;
    await until(() => world.keys().slack.includes('MonitorStarted:-'), 'the start-up message', 15_000, explain);
    // Act
    sim.throttleRate = 0.7;
    await until(() => health().length > 0, 'the degraded message', 15_000, explain);
    await new Promise((resolve) => setTimeout(resolve, FLAP_MS));
    const duringFaults = health();
    const failedCalls = Object.values(sim.throttled).reduce((sum, n) => sum + n, 0);
    sim.throttleRate = 0;
    await until(() => health().length > 1, 'the recovered message', 20_000, explain);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(await mona.stop()).toBe(0);
    // Assess
    expect(failedCalls).toBeGreaterThan(20);
    expect(duringFaults).toEqual(['MonitorDegraded:-']);
    expect(tally(health())).toEqual({ 'MonitorDegraded:-': 1, 'MonitorRecovered:-': 1 });
    const recovered = slack.messages.find((m) => m.text.startsWith(':white_check_mark: Mona reads cluster'));
    expect(recovered?.text).toMatch(/again after \S+ \(\d+ failed sweeps; it answered and failed again \d+ times?\)/);
  }, 90_000);
});
