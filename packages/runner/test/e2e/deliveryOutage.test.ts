import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHttpFault, SNS_INTERNAL_ERROR } from './support/startHttpFault.js';
import type { HttpFault } from './support/startHttpFault.js';
import { startMona } from './support/startMona.js';
import type { MonaProcess } from './support/startMona.js';
import { until } from './support/until.js';
import { startWorld, tally, TOPIC_ARN } from './support/world.js';
import type { World } from './support/world.js';

const OUTAGE_MS = 90_000;

let world: World;
let sns: HttpFault;
let mona: MonaProcess | undefined;

beforeAll(async () => {
  world = await startWorld({ stepMs: 200 });
  sns = await startHttpFault(world.sim.url);
});

afterAll(async () => {
  await mona?.stop().catch(() => undefined);
  await sns?.close();
  await world?.close();
});

describe('a 90 s outage of every channel at once', () => {
  it(
    'delivers everything to Slack (500), SMTP (451) and SNS (500) after it, exactly once each',
    async () => {
      // Prepare: every channel down before Mona starts.
      const { sim, slack, smtp } = world;
      sim.createService('api', { desiredCount: 2 });
      slack.mode = 'fail';
      smtp.refusing = true;
      sns.down = SNS_INTERNAL_ERROR;
      const downAt = Date.now();
      const config = world.config({ checkIntervalSeconds: 0.5 });
      mona = startMona({
        ...config,
        // A short backoff cap, so the test does not wait long after the outage (the default is 30 s).
        delivery: { attemptTimeoutMs: 5_000, maxDelayMs: 5_000 },
        senders: (config['senders'] as Array<Record<string, unknown>>).map((s) =>
          s['plugin'] === '@mona-ecs/sender-sns' ? { ...s, options: { topicArn: TOPIC_ARN, endpoint: sns.url } } : s,
        ),
      });
      const running = mona;
      const explain = () =>
        `\nreceived: ${JSON.stringify(world.keys())}; slack attempts ${slack.attempts}, smtp refused ${smtp.refused}, sns failed ${sns.failed}` +
        `\nstdout: ${running.stdout().slice(-3000)}\nstderr: ${running.stderr().slice(-1000)}`;
      await until(() => slack.attempts > 0, 'the start-up message to be tried', 20_000, explain);
      sim.deploy('api', { image: 'api:2' });

      // Act: the outage lasts 90 s from its start, then every channel comes back.
      await until(() => slack.attempts >= 3 && smtp.refused >= 3 && sns.failed >= 3, 'retries during the outage', OUTAGE_MS, explain);
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, downAt + OUTAGE_MS - Date.now())));
      const [slackTries, smtpTries, snsTries] = [slack.attempts, smtp.refused, sns.failed];
      const received = { slack: world.keys().slack.length, email: world.keys().email.length, sns: world.keys().sns.length };
      slack.mode = 'ok';
      smtp.refusing = false;
      sns.down = undefined;
      const expected = { 'MonitorStarted:-': 1, 'DeploymentStarted:api': 1, 'DeploymentCompleted:api': 1 };
      const complete = () => {
        const keys = world.keys();
        return [keys.slack, keys.email, keys.sns].every((k) => k.length >= 3);
      };
      await until(complete, 'every notification on every channel after the outage', 30_000, explain);
      await new Promise((resolve) => setTimeout(resolve, 2_000)); // a duplicate would arrive now

      // Assess
      const keys = world.keys();
      expect(received).toEqual({ slack: 0, email: 0, sns: 0 });
      expect([slackTries, smtpTries, snsTries].every((n) => n >= 3)).toBe(true);
      expect(tally(keys.slack)).toEqual(expected);
      expect(tally(keys.email)).toEqual(expected);
      expect(tally(keys.sns)).toEqual(expected);
      expect(running.stdout()).not.toContain('notification dropped');
    },
    OUTAGE_MS + 90_000,
  );
});
