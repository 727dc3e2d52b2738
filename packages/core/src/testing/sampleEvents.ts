import { consoleUrl } from '../model/config.js';
import type { EventContext } from '../model/context.js';
import type { MonitorEvent, ServiceState } from '../model/events.js';

const CLUSTER = 'prod';
const REGION = 'eu-west-1';
const OBSERVED_AT = Date.UTC(2025, 2, 14, 9, 30, 0);
const DEPLOYMENT_ID = 'ecs-svc/1234567890123456789';
const ROLLBACK_ID = 'ecs-svc/9876543210987654321';
const DEPLOYMENT = `api/${DEPLOYMENT_ID}`;

/**
 * Hostile strings as ECS really returns them: stop reasons and service events are free text
 * written by applications, so they can hold what is markup in some channel: Slack control
 * sequences (`<!channel>`, `<@U…>`), Discord and Mattermost pings (`@everyone`, `@here`), HTML,
 * a Markdown link, and a right-to-left override (U+202E) that would display text reversed.
 */
export const HOSTILE_REASON =
  'Essential container in task exited: <!channel> <@U012AB3CD> @everyone @here <script>alert("x")</script> [click here](https://evil.example/) \u202Eexe.gnp\u202C & more';

/** The length of each long stop reason in `longSampleEvents`: together well past every chat channel's limit. */
export const LONG_REASON_LENGTH = 20_000;

/** Enrichment context with stopped tasks whose reasons must be escaped by every channel. */
export function sampleContext(): EventContext {
  return {
    stoppedTasks: [
      {
        taskArn: `arn:aws:ecs:${REGION}:123456789012:task/${CLUSTER}/0a1b2c3d4e5f`,
        taskDefinition: 'api:42',
        stopCode: 'EssentialContainerExited',
        stoppedReason: HOSTILE_REASON,
        stoppedAt: OBSERVED_AT - 30_000,
        containers: [{ name: 'app', exitCode: 137, reason: 'OutOfMemoryError: <@U012AB3CD> killed' }],
      },
    ],
    stoppedCount: 3,
    serviceEvents: ['(service api) has started 1 tasks: (task 0a1b2c3d4e5f).'],
    changes: [{ name: 'app', previousImage: 'repo/api:1.4.1', image: 'repo/api:1.4.2' }],
    deployedBy: 'arn:aws:iam::123456789012:user/ci-<deployer>',
  };
}

function serviceState(overrides: Partial<ServiceState> = {}): ServiceState {
  return {
    service: 'api',
    deploymentId: DEPLOYMENT_ID,
    deploymentCreated: new Date(OBSERVED_AT - 120_000).toISOString(),
    deploymentUpdated: new Date(OBSERVED_AT - 60_000).toISOString(),
    taskDef: 'api:42',
    previousTaskDef: 'api:41',
    runningCount: 2,
    desiredCount: 2,
    deploymentRunningCount: 2,
    pendingCount: 0,
    failedTasks: 0,
    success: true,
    consoleUrl: consoleUrl(REGION, CLUSTER, 'api'),
    ...overrides,
  };
}

function base(type: string, suffix: string): { id: string; cluster: string; region: string; observedAt: number } {
  return { id: `${CLUSTER}/${suffix}/${type}`, cluster: CLUSTER, region: REGION, observedAt: OBSERVED_AT };
}

/**
 * One realistic `MonitorEvent` of every `EventType`, in the order of the events table. Failure
 * events carry `sampleContext()`, whose stop reasons contain `<!channel>` and `<script>`.
 *
 * @example
 * for (const event of sampleEvents()) await sender.send(sampleNotification(event), signal);
 */
export function sampleEvents(): MonitorEvent[] {
  const failing = { failedTasks: 3, runningCount: 1, deploymentRunningCount: 0, success: false, context: sampleContext() };
  const short = { runningCount: 1, deploymentRunningCount: 1, success: false };
  const rollback = {
    ...failing,
    taskDef: 'api:41',
    previousTaskDef: 'api:42',
    deploymentId: ROLLBACK_ID,
    reason: 'circuit breaker: rolling back',
  };
  return [
    { ...base('MonitorStarted', 'cluster'), type: 'MonitorStarted', serviceNames: ['api', 'worker', 'web'] },
    {
      ...base('DeploymentStarted', DEPLOYMENT),
      ...serviceState({ deploymentRunningCount: 0, success: false }),
      type: 'DeploymentStarted',
    },
    { ...base('TasksFailing', DEPLOYMENT), ...serviceState(failing), type: 'TasksFailing' },
    {
      ...base('DeploymentFailed', DEPLOYMENT),
      ...serviceState({ ...failing, reason: `ECS deployment circuit breaker: ${HOSTILE_REASON}` }),
      type: 'DeploymentFailed',
    },
    {
      ...base('RollbackStarted', `api/${ROLLBACK_ID}`),
      ...serviceState(rollback),
      type: 'RollbackStarted',
      failedDeploymentId: DEPLOYMENT_ID,
    },
    {
      ...base('ScalingStarted', `${DEPLOYMENT}/4`),
      ...serviceState({ desiredCount: 4 }),
      type: 'ScalingStarted',
      previousDesiredCount: 2,
    },
    {
      ...base('TaskCrashed', `${DEPLOYMENT}/crash`),
      ...serviceState({ ...short, context: sampleContext() }),
      type: 'TaskCrashed',
    },
    {
      ...base('DeploymentCompleted', DEPLOYMENT),
      ...serviceState({ durationSeconds: 95 }),
      type: 'DeploymentCompleted',
      kind: 'deploy',
    },
    {
      ...base('DeploymentTimedOut', DEPLOYMENT),
      ...serviceState(short),
      type: 'DeploymentTimedOut',
      secondsUntilAlert: 600,
    },
    {
      ...base('ServiceRemoved', 'api'),
      type: 'ServiceRemoved',
      service: 'api',
      reason: 'DRAINING',
      consoleUrl: consoleUrl(REGION, CLUSTER, 'api'),
    },
    { ...base('MonitorDegraded', 'cluster'), type: 'MonitorDegraded', failures: 3, reason: 'ThrottlingException: Rate exceeded' },
    { ...base('MonitorRecovered', 'cluster'), type: 'MonitorRecovered', durationSeconds: 45 },
  ];
}

/**
 * Failure events whose stop reasons and service events are very long (`LONG_REASON_LENGTH`
 * characters each, a Java stack trace in an exit reason), so the formatted text is past every
 * chat channel's limit: a sender must cut it, not fail or send it whole.
 *
 * @example
 * for (const event of longSampleEvents()) await sender.send(sampleNotification(event), signal);
 */
export function longSampleEvents(): MonitorEvent[] {
  const trace = `${HOSTILE_REASON} java.lang.OutOfMemoryError: Java heap space\n\tat com.example.Api.handle(Api.java:42)`;
  const long = trace.repeat(Math.ceil(LONG_REASON_LENGTH / trace.length)).slice(0, LONG_REASON_LENGTH);
  const context: EventContext = {
    ...sampleContext(),
    stoppedTasks: [0, 1, 2].map((i) => ({
      ...sampleContext().stoppedTasks![0]!,
      taskArn: `arn:aws:ecs:${REGION}:123456789012:task/${CLUSTER}/0a1b2c3d4e5${i}`,
      stoppedReason: long,
    })),
    serviceEvents: [long, long],
  };
  const failed = sampleEvents().find((e) => e.type === 'DeploymentFailed')!;
  const crashed = sampleEvents().find((e) => e.type === 'TaskCrashed')!;
  return [{ ...failed, reason: long, context } as MonitorEvent, { ...crashed, context } as MonitorEvent];
}
