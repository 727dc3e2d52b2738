import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMona } from './support/startMona.js';
import type { MonaProcess } from './support/startMona.js';
import { until } from './support/until.js';
import { startWorld } from './support/world.js';
import type { World } from './support/world.js';

/**
 * Issue 12, item 2: 200 answers that lack the services (`{}`, `"services": null`, empty lists)
 * and an empty ListServices page used to make every service "no longer monitored", and nothing
 * was said when they came back. A service is removed only on ECS's verdict: these answers change
 * nothing, and a real deletion is still reported.
 */
const SERVICES = ['api', 'web', 'worker'];
const MALFORMED = ['{}', '{"services":null}', '{"services":[],"failures":[]}'];
const TIMES = 3;

let world: World;
let mona: MonaProcess;
let keys: () => string[];
let received: string[] = [];

beforeAll(async () => {
  world = await startWorld({ stepMs: 200 });
  for (const name of SERVICES) world.sim.createService(name, { desiredCount: 1 });
  keys = () => world.keys().slack;
  const explain = () =>
    `\nfaulted: ${JSON.stringify(world.sim.faulted)} received: ${JSON.stringify(keys())}\nstderr: ${mona.stderr().slice(-3000)}`;
  mona = startMona(
    world.config({
      checkIntervalSeconds: 0.2,
      // Every tick lists, so the empty pages are read as listings.
      refreshServicesInterval: 1,
      secondsUntilAlert: 60,
      ecs: { endpoint: world.sim.url },
      senders: [{ plugin: '@mona-ecs/sender-slack', options: { webhookUrl: world.slack.url } }],
    }),
  );
  await until(() => keys().includes('MonitorStarted:-'), 'the start-up message', 20_000, explain);

  // Act: each malformed answer a few times in a row, then empty ListServices pages, then good answers
  for (const body of MALFORMED) world.sim.injectFault({ action: 'DescribeServices', kind: 'answer', body, times: TIMES });
  world.sim.injectFault({ action: 'ListServices', kind: 'answer', body: '{"serviceArns":[]}', times: TIMES });
  await until(
    () => world.sim.faulted['DescribeServices'] === MALFORMED.length * TIMES && world.sim.faulted['ListServices'] === TIMES,
    'every malformed answer to be served',
    20_000,
    explain,
  );
  // Then a change and a real deletion, so the test also sees that monitoring went on.
  world.sim.deploy('api', { image: 'api:2' });
  await until(() => keys().includes('DeploymentCompleted:api'), 'the deployment after the malformed answers', 30_000, explain);
  world.sim.deleteService('worker');
  await until(() => keys().includes('ServiceRemoved:worker'), 'the real removal', 20_000, explain);
  received = keys();
}, 120_000);

afterAll(async () => {
  await mona?.stop().catch(() => undefined);
  await world?.close();
});

describe('mona when ECS answers without the services', () => {
  it('removes nothing for answers without a verdict, and says nothing when the services are answered again', () => {
    // Assess
    expect(received).toEqual(['MonitorStarted:-', 'DeploymentStarted:api', 'DeploymentCompleted:api', 'ServiceRemoved:worker']);
  });
});
