import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSlack } from './support/startSlack.js';
import type { FakeSlack, SlackPost } from './support/startSlack.js';
import { startMona } from './support/startMona.js';
import type { MonaProcess } from './support/startMona.js';
import { until } from './support/until.js';
import { slackKey, startWorld, tally } from './support/world.js';
import type { World } from './support/world.js';

const SERVICES = 300;
const FAILING = ['svc-050', 'svc-250'];

let world: World;
let slack: FakeSlack;
let mona: MonaProcess | undefined;

beforeAll(async () => {
  // A slow circuit breaker (12 failed tasks), so a sweep of 300 services on a loaded machine still sees the failure.
  world = await startWorld({ stepMs: 250, failureThreshold: 12 });
  // Slack's webhook limit: one message a second, short bursts allowed.
  slack = await startSlack({ rateLimit: { perSecond: 1, burst: 2 } });
});

afterAll(async () => {
  await mona?.stop().catch(() => undefined);
  await slack?.close();
  await world?.close();
});

/** The notifications a Slack message carries: one, or a group's members (one headline per line). */
function memberKeys(post: SlackPost): string[] {
  return post.sections
    .split('\n')
    .map(slackKey)
    .filter((key) => !key.startsWith('Unknown:'));
}

describe('a 300-service burst', () => {
  it('is delivered within minutes as grouped messages, failures apart, every notification once, without a 429 storm', async () => {
    // Prepare
    const { sim } = world;
    const names = sim.createServices(SERVICES, { prefix: 'svc', desiredCount: 1 });
    const config = world.config({ checkIntervalSeconds: 1, secondsUntilAlert: 600 });
    mona = startMona({
      ...config,
      ecs: { endpoint: world.proxy.url, requestsPerSecond: 100 },
      // A loaded machine can hold an answer past the world's 5 s; a timed-out attempt may be a delivered duplicate.
      delivery: { attemptTimeoutMs: 20_000 },
      senders: [{ plugin: '@mona-ecs/sender-slack', options: { webhookUrl: slack.url } }],
    });
    const running = mona;
    const keys = () => slack.messages.flatMap(memberKeys);
    const explain = () =>
      `\n${slack.messages.length} messages, ${keys().length} notifications, ${slack.rateLimited} 429s\nstdout: ${running.stdout().slice(-3000)}`;
    await until(() => keys().includes('MonitorStarted:-'), 'the start-up message', 60_000, explain);

    // Act: every service deploys at once; two of them fail and roll back.
    const startedAt = Date.now();
    for (const name of names) {
      if (FAILING.includes(name)) sim.failDeployment(name, { image: `${name}:2` });
      else sim.deploy(name, { image: `${name}:2` });
    }
    const done = () => tally(keys().filter((k) => k.startsWith('DeploymentCompleted:')));
    const starts = () => keys().filter((k) => k.startsWith('DeploymentStarted:') && !FAILING.some((f) => k.endsWith(f)));
    // Both kinds: a start retried behind the head of the queue may arrive after its completion.
    const delivered = () => Object.keys(done()).length === SERVICES && new Set(starts()).size === SERVICES - 2;
    await until(delivered, 'a start and a completion for every service', 240_000, explain);
    const lastAt = slack.messages.at(-1)!.at;

    // Assess
    const all = keys();
    // Every notification once: no member line twice (a rollback's new deployment is a notification of its own).
    const lines = slack.messages.flatMap((m) => m.sections.split('\n').filter((l) => !slackKey(l).startsWith('Unknown:')));
    expect(Object.entries(tally(lines)).filter(([, n]) => n !== 1)).toEqual([]);
    expect(all.filter((k) => k.startsWith('DeploymentStarted:') && !FAILING.some((f) => k.endsWith(f)))).toHaveLength(SERVICES - 2);
    // Failures are never grouped: each is a message of its own.
    const failures = slack.messages.filter((m) => memberKeys(m).some((k) => /^(TasksFailing|DeploymentFailed|RollbackStarted):/.test(k)));
    // Each rollback is told once, even when it happened between two sweeps (from ECS's service events), and the
    // failure before it at most once (a loaded machine can miss the whole failure and the event naming it).
    for (const name of FAILING) {
      expect(all.filter((k) => k === `RollbackStarted:${name}`)).toHaveLength(1);
      expect(all.filter((k) => k === `DeploymentFailed:${name}`).length).toBeLessThanOrEqual(1);
    }
    expect(failures.every((m) => memberKeys(m).length === 1)).toBe(true);
    expect(slack.messages.some((m) => /^\*\d+ deployments started in default\*/.test(m.sections))).toBe(true);
    expect(slack.messages.length).toBeLessThan(60);
    expect(slack.rateLimited).toBeLessThanOrEqual(Math.ceil(slack.attempts / 100));
    expect(lastAt - startedAt).toBeLessThan(240_000);
    expect(running.stdout()).not.toContain('notification dropped');
    console.log(
      `burst: ${SERVICES} services, ${slack.messages.length} messages, ${slack.attempts} POSTs, ${slack.rateLimited} 429s, last ${((lastAt - startedAt) / 1000).toFixed(1)} s after the deploys`,
    );
  }, 330_000);
});
