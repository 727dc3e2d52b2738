import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMona } from './support/startMona.js';
import type { MonaProcess } from './support/startMona.js';
import { until } from './support/until.js';
import { startWorld } from './support/world.js';
import type { World } from './support/world.js';

/**
 * Issue 12, item 1: one DescribeServices that never answers used to hold every sweep (117 s)
 * with no degraded notification. With the request timeout and the sweep deadline, the hung
 * sweeps fail like any others, MonitorDegraded comes within the bound below, and monitoring
 * resumes once ECS answers again.
 */
const REQUEST_TIMEOUT_MS = 400;
const SWEEP_TIMEOUT_SECONDS = 1.5;
const DEGRADED_AFTER = 2;
/** Two sweeps that each end at their deadline, a tick between them, and room for a loaded machine. */
const DEGRADED_BOUND_MS = DEGRADED_AFTER * (SWEEP_TIMEOUT_SECONDS * 1000 + 200) + 6_000;

let world: World;
let mona: MonaProcess;
let keys: () => string[];
let degradedAfterMs = 0;
let hungCalls = 0;
let received: string[] = [];

beforeAll(async () => {
  world = await startWorld({ stepMs: 200 });
  for (const name of ['api', 'web']) world.sim.createService(name, { desiredCount: 1 });
  keys = () => world.keys().slack;
  const explain = () => `\nreceived: ${JSON.stringify(keys())}\nstderr: ${mona.stderr().slice(-3000)}`;
  mona = startMona(
    world.config({
      checkIntervalSeconds: 0.2,
      degradedAfterFailures: DEGRADED_AFTER,
      secondsUntilAlert: 60,
      ecs: { endpoint: world.sim.url, requestTimeoutMs: REQUEST_TIMEOUT_MS, sweepTimeoutSeconds: SWEEP_TIMEOUT_SECONDS },
      senders: [{ plugin: '@mona-ecs/sender-slack', options: { webhookUrl: world.slack.url } }],
    }),
  );
  await until(() => keys().includes('MonitorStarted:-'), 'the start-up message', 20_000, explain);

  // Act: every DescribeServices hangs until the fault is cleared
  world.sim.injectFault({ action: 'DescribeServices', kind: 'hang' });
  const hungAt = Date.now();
  await until(() => keys().includes('MonitorDegraded:-'), 'MonitorDegraded', DEGRADED_BOUND_MS + 10_000, explain);
  degradedAfterMs = Date.now() - hungAt;
  hungCalls = world.sim.faulted['DescribeServices'] ?? 0;
  world.sim.clearFaults();
  await until(() => keys().includes('MonitorRecovered:-'), 'MonitorRecovered', 30_000, explain);
  world.sim.deploy('api', { image: 'api:2' });
  await until(() => keys().includes('DeploymentCompleted:api'), 'the deployment after the outage', 30_000, explain);
  received = keys();
}, 120_000);

afterAll(async () => {
  await mona?.stop().catch(() => undefined);
  await world?.close();
});

describe('mona when a DescribeServices call never answers', () => {
  it('says the cluster is degraded within the bound of its timeouts', () => {
    // Assess
    expect(degradedAfterMs).toBeLessThan(DEGRADED_BOUND_MS);
    expect(hungCalls).toBeGreaterThanOrEqual(DEGRADED_AFTER);
  });

  it('resumes monitoring when ECS answers again, with nothing removed on the way', () => {
    // Assess
    expect(received.filter((k) => k.startsWith('MonitorDegraded') || k.startsWith('MonitorRecovered'))).toEqual([
      'MonitorDegraded:-',
      'MonitorRecovered:-',
    ]);
    expect(received).toContain('DeploymentStarted:api');
    expect(received.filter((k) => k.startsWith('ServiceRemoved'))).toEqual([]);
  });
});
