import { startSimulator } from '@mona-ecs/ecs-simulator';
import type { Simulator, SimulatorOptions } from '@mona-ecs/ecs-simulator';
import { startEcsProxy } from './startEcsProxy.js';
import type { EcsProxy } from './startEcsProxy.js';
import { startSlack } from './startSlack.js';
import type { FakeSlack } from './startSlack.js';
import { startSmtp } from './startSmtp.js';
import type { FakeSmtp } from './startSmtp.js';

export const TOPIC_ARN = 'arn:aws:sns:us-east-1:123456789012:mona-e2e';

/** Slack headlines of the default formatter, by event type (the first that matches wins). */
const SLACK_PATTERNS: Array<[string, RegExp]> = [
  ['MonitorStarted', /^:eyes: Mona is deployed and monitoring/],
  ['MonitorDegraded', /^:warning: Mona cannot read cluster/],
  ['MonitorRecovered', /^:white_check_mark: Mona reads cluster/],
  ['DeploymentStarted', /^:arrows_clockwise: `([^`]+)` deployment started/],
  ['TasksFailing', /^:warning: `([^`]+)` deployment of task definition .* failed tasks so far/],
  ['DeploymentTimedOut', /^:warning: `([^`]+)` deployment is taking a very long time/],
  ['DeploymentFailed', /^:x: `([^`]+)` deployment .*failed/],
  ['RollbackStarted', /^:leftwards_arrow_with_hook: `([^`]+)` is rolling back/],
  ['ScalingStarted', /^:left_right_arrow: `([^`]+)` scaling event/],
  ['TaskCrashed', /^:boom: `([^`]+)` task crashed/],
  ['DeploymentCompleted', /^:(?:white_check_mark|leftwards_arrow_with_hook): `([^`]+)` (?:deployment done|rollback done)/],
  ['ServiceRemoved', /^:wastebasket: `([^`]+)`/],
];

/** `Type:service` (or `Type:-` for cluster events) of a Slack message, from its headline. */
export function slackKey(text: string): string {
  for (const [type, pattern] of SLACK_PATTERNS) {
    const match = pattern.exec(text);
    if (match) return `${type}:${match[1] ?? '-'}`;
  }
  return `Unknown:${text.slice(0, 60)}`;
}

/** The simulator, a switchable proxy in front of it, a fake Slack and a real SMTP server. */
export interface World {
  sim: Simulator;
  proxy: EcsProxy;
  slack: FakeSlack;
  smtp: FakeSmtp;
  /** A `mona run` config watching the simulator's default cluster through every sender. */
  config(overrides?: Record<string, unknown>): Record<string, unknown>;
  /** Event keys (`Type:service`) received by each sender, in arrival order. */
  keys(): { slack: string[]; email: string[]; sns: string[] };
  close(): Promise<void>;
}

/**
 * Start everything an end-to-end test talks to, on 127.0.0.1, with a real-clock simulator.
 *
 * @example
 * const world = await startWorld({ stepMs: 100 });
 * const mona = startMona(world.config());
 */
export async function startWorld(options: SimulatorOptions = {}): Promise<World> {
  const sim = await startSimulator({ clock: 'real', stepMs: 100, ...options });
  const [proxy, slack, smtp] = await Promise.all([startEcsProxy(sim.url), startSlack(), startSmtp()]);
  return {
    sim,
    proxy,
    slack,
    smtp,
    config: (overrides = {}) => ({
      ecsCluster: 'default',
      AWSRegion: sim.region,
      checkIntervalSeconds: 0.2,
      secondsUntilAlert: 1,
      degradedAfterFailures: 2,
      logLevel: 'warn',
      ecs: { endpoint: proxy.url },
      delivery: { attemptTimeoutMs: 5_000 },
      senders: [
        { plugin: '@mona-ecs/sender-slack', options: { webhookUrl: slack.url } },
        { plugin: '@mona-ecs/sender-sns', options: { topicArn: TOPIC_ARN, endpoint: sim.url } },
        { plugin: '@mona-ecs/sender-email', options: { transport: smtp.transport, from: 'mona@example.com', to: ['ops@example.com'] } },
      ],
      ...overrides,
    }),
    keys: () => ({
      slack: slack.messages.map((m) => slackKey(m.text)),
      email: smtp.messages.map((m) => `${m.headers['x-mona-event-type']}:${m.headers['x-mona-service'] ?? '-'}`),
      sns: sim.published.map((p) => `${p.messageAttributes['eventType']?.value}:${p.messageAttributes['service']?.value ?? '-'}`),
    }),
    async close() {
      await Promise.all([proxy.close(), slack.close(), smtp.close()]);
      await sim.close();
    },
  };
}

/** Count of each key, for "exactly once" comparisons that ignore arrival order across services. */
export function tally(keys: readonly string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const key of keys) counts[key] = (counts[key] ?? 0) + 1;
  return counts;
}
