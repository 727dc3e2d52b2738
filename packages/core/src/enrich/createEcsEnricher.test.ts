import { CloudTrailClient, LookupEventsCommand } from '@aws-sdk/client-cloudtrail';
import { DescribeTaskDefinitionCommand, DescribeTasksCommand, ECSClient, ListTasksCommand } from '@aws-sdk/client-ecs';
import { mockClient } from 'aws-sdk-client-mock';
import { Subject } from 'rxjs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { eventOf } from '../format/__fixtures__/events.js';
import type { EnrichInput } from '../model/enricher.js';
import type { MonitorEvent } from '../model/events.js';
import type { ServiceSnapshot } from '../model/snapshot.js';
import { recordingLogger } from '../testing/recordingLogger.js';
import { RateLimiter } from '../ecs-source/RateLimiter.js';
import { sharedRateLimiter } from '../ecs-source/sharedRateLimiter.js';
import { createEcsEnricher, type EcsEnricherOptions } from './createEcsEnricher.js';
import { enrichEvents } from './enrichEvents.js';
import { TaskStopHints } from '../events-source/TaskStopHints.js';

const ecs = mockClient(ECSClient);
const trail = mockClient(CloudTrailClient);
const CREATED = Date.parse('2025-01-10T11:58:00.000Z');
const TD = 'arn:aws:ecs:eu-west-1:123456789012:task-definition/api';

function counting() {
  const limiter = { calls: 0, acquire: () => ((limiter.calls += 1), Promise.resolve()) };
  return limiter;
}

function enricher(extra: Partial<EcsEnricherOptions> = {}) {
  const tasks = counting();
  const general = counting();
  const logger = recordingLogger();
  const instance = createEcsEnricher({
    clientFor: (region) => new ECSClient({ region }),
    cloudTrailFor: (region) => new CloudTrailClient({ region }),
    rateLimiter: general,
    tasksRateLimiter: tasks,
    cloudTrailRateLimiter: counting(),
    logger,
    ...extra,
  });
  return { instance, tasks, general, logger };
}

function service(events: string[] = []): ServiceSnapshot {
  return {
    name: 'api',
    arn: 'arn:aws:ecs:eu-west-1:123456789012:service/prod/api',
    status: 'ACTIVE',
    desiredCount: 2,
    runningCount: 1,
    pendingCount: 0,
    deployments: [],
    events: events.map((message, i) => ({ id: `e${i}`, createdAt: CREATED, message })),
  };
}

function task(id: string, stoppedAt: number, exitCode: number, reason: string) {
  return {
    taskArn: `arn:aws:ecs:eu-west-1:123456789012:task/prod/${id}`,
    stopCode: 'EssentialContainerExited' as const,
    stoppedReason: 'Essential container in task exited',
    stoppedAt: new Date(stoppedAt),
    containers: [{ name: 'api', exitCode, reason }],
  };
}

const signal = () => new AbortController().signal;

beforeEach(() => {
  ecs.reset();
  trail.reset();
});

describe('createEcsEnricher', () => {
  it('adds the tasks stopped since the deployment began, newest first, in two task API calls', async () => {
    // Prepare
    const { instance, tasks } = enricher();
    ecs.on(ListTasksCommand).resolves({ taskArns: ['t-old', 't-1', 't-2'] });
    ecs.on(DescribeTasksCommand).resolves({
      tasks: [
        task('t-old', CREATED - 60_000, 1, 'earlier incident'),
        task('t-1', CREATED + 10_000, 137, 'OutOfMemoryError: Container killed due to memory usage'),
        task('t-2', CREATED + 20_000, 1, 'boom'),
      ],
    });
    const input: EnrichInput = {
      event: eventOf('DeploymentFailed'),
      service: service([
        '(service api) has reached a steady state.',
        '(service api) was unable to place a task because no container instance met all of its requirements.',
      ]),
    };
    // Act
    const context = await instance.enrich(input, signal());
    // Assess
    expect(ecs.commandCalls(ListTasksCommand)[0]?.args[0].input).toEqual({
      cluster: 'prod',
      serviceName: 'api',
      desiredStatus: 'STOPPED',
      maxResults: 100,
    });
    expect(ecs.commandCalls(DescribeTasksCommand)[0]?.args[0].input).toEqual({ cluster: 'prod', tasks: ['t-old', 't-1', 't-2'] });
    expect(tasks.calls).toBe(2);
    expect(context?.stoppedCount).toBe(2);
    expect(context?.stoppedTasks?.map((t) => [t.taskArn.split('/').pop(), t.containers[0]?.exitCode])).toEqual([
      ['t-2', 1],
      ['t-1', 137],
    ]);
    expect(context?.serviceEvents).toEqual([
      '(service api) was unable to place a task because no container instance met all of its requirements.',
    ]);
    expect(context?.incomplete).toBeUndefined();
  });

  it('lists the stopped tasks of a service once for the failure and the rollback of one sweep', async () => {
    // Prepare
    const { instance, tasks } = enricher();
    ecs.on(DescribeTaskDefinitionCommand).resolves({ taskDefinition: { containerDefinitions: [] } });
    ecs.on(ListTasksCommand).resolves({ taskArns: ['t-1'] });
    ecs
      .on(DescribeTasksCommand)
      .resolves({ tasks: [task('t-1', CREATED + 10_000, 137, 'OutOfMemoryError: Container killed due to memory usage')] });
    const rollbackService = {
      ...service(),
      deployments: [
        {
          id: 'ecs-svc/110',
          status: 'ACTIVE',
          taskDefinition: `${TD}:42`,
          desiredCount: 2,
          runningCount: 0,
          pendingCount: 0,
          failedTasks: 3,
          createdAt: CREATED,
          updatedAt: CREATED,
        },
      ],
    };
    // Act
    const failed = await instance.enrich({ event: eventOf('DeploymentFailed') }, signal());
    const rollback = await instance.enrich({ event: eventOf('RollbackStarted'), service: rollbackService }, signal());
    // Assess
    expect(ecs.commandCalls(ListTasksCommand)).toHaveLength(1);
    expect(ecs.commandCalls(DescribeTasksCommand)).toHaveLength(1);
    expect(tasks.calls).toBe(2);
    expect(failed?.stoppedCount).toBe(1);
    expect(rollback?.stoppedCount).toBe(1);
    expect(rollback?.stoppedTasks?.[0]?.containers[0]?.exitCode).toBe(137);
  });

  it('lists stopped tasks again for a later sweep of the same service', async () => {
    // Prepare
    const { instance } = enricher();
    ecs.on(ListTasksCommand).resolves({ taskArns: ['t-1'] });
    ecs.on(DescribeTasksCommand).resolves({ tasks: [task('t-1', CREATED + 10_000, 1, 'boom')] });
    // Act
    await instance.enrich({ event: eventOf('TaskCrashed') }, signal());
    await instance.enrich({ event: eventOf('TaskCrashed', { observedAt: Date.UTC(2025, 0, 10, 12, 5, 0) }) }, signal());
    // Assess
    expect(ecs.commandCalls(ListTasksCommand)).toHaveLength(2);
  });

  it('takes the stopped tasks from ECS Task State Change events when it has them, without a task API call', async () => {
    // Prepare
    const hints = new TaskStopHints();
    const crash = eventOf('TaskCrashed');
    hints.record(crash, crash.service, {
      taskArn: 'arn:aws:ecs:eu-west-1:123456789012:task/prod/t-9',
      stoppedReason: 'Essential container in task exited',
      stoppedAt: crash.observedAt - 1_000,
      containers: [{ name: 'api', exitCode: 137, reason: 'OutOfMemoryError' }],
    });
    const { instance } = enricher({ taskStopHints: hints });
    // Act
    const context = await instance.enrich({ event: crash }, signal());
    // Assess
    expect(ecs.commandCalls(ListTasksCommand)).toHaveLength(0);
    expect(context?.stoppedCount).toBe(1);
    expect(context?.stoppedTasks?.[0]?.containers[0]?.exitCode).toBe(137);
  });

  it('makes one call when no task stopped, and adds nothing', async () => {
    // Prepare
    const { instance } = enricher();
    ecs.on(ListTasksCommand).resolves({ taskArns: [] });
    // Act
    const context = await instance.enrich({ event: eventOf('TaskCrashed') }, signal());
    // Assess
    expect(ecs.commandCalls(DescribeTasksCommand)).toHaveLength(0);
    expect(context).toBeUndefined();
  });

  it('adds per-container image and size changes, and reads each task definition once', async () => {
    // Prepare
    const { instance, general } = enricher();
    ecs.on(DescribeTaskDefinitionCommand, { taskDefinition: `${TD}:41` }).resolves({
      taskDefinition: {
        containerDefinitions: [
          { name: 'api', image: 'repo/api:v41', memory: 512 },
          { name: 'otel', image: 'otel:1' },
        ],
      },
    });
    ecs.on(DescribeTaskDefinitionCommand, { taskDefinition: `${TD}:42` }).resolves({
      taskDefinition: {
        containerDefinitions: [
          { name: 'api', image: 'repo/api:v42', memory: 1024 },
          { name: 'otel', image: 'otel:1' },
        ],
      },
    });
    // Act
    const started = await instance.enrich({ event: eventOf('DeploymentStarted') }, signal());
    const done = await instance.enrich({ event: eventOf('DeploymentCompleted') }, signal());
    // Assess
    const expected = [{ name: 'api', previousImage: 'repo/api:v41', image: 'repo/api:v42', previousMemory: 512, memory: 1024 }];
    expect(started).toEqual({ changes: expected });
    expect(done).toEqual({ changes: expected });
    expect(ecs.commandCalls(DescribeTaskDefinitionCommand)).toHaveLength(2);
    expect(general.calls).toBe(2);
  });

  it("paces task definition lookups in a bucket of their own per region, never the sweeps' bucket", async () => {
    // Prepare: ECS throttles DescribeTaskDefinition apart from DescribeServices/ListServices
    const endpoint = 'http://127.0.0.1:4566';
    const acquire = vi.spyOn(RateLimiter.prototype, 'acquire').mockResolvedValue();
    ecs.on(DescribeTaskDefinitionCommand).resolves({ taskDefinition: { containerDefinitions: [] } });
    const instance = createEcsEnricher({
      clientFor: (region) => new ECSClient({ region }),
      endpoint,
      tasksRateLimiter: counting(),
      cloudTrailRateLimiter: counting(),
    });
    // Act
    await instance.enrich({ event: eventOf('DeploymentStarted') }, signal());
    await instance.enrich({ event: eventOf('DeploymentStarted', { taskDef: 'api:50', previousTaskDef: 'api:49' }) }, signal());
    // Assess: every DescribeTaskDefinition call waited on one limiter, which is not the sweeps'
    const region = eventOf('DeploymentStarted').region;
    const limiters = new Set(acquire.mock.contexts);
    expect(acquire.mock.contexts).toHaveLength(4);
    expect(limiters.size).toBe(1);
    expect(limiters.has(sharedRateLimiter(region, endpoint))).toBe(false);
    expect(limiters.has(sharedRateLimiter(region))).toBe(false);
    acquire.mockRestore();
  });

  it('makes no API call for events that need no context', async () => {
    // Prepare
    const { instance } = enricher({ whoDeployed: true });
    // Act
    const scaling = await instance.enrich({ event: eventOf('ScalingStarted') }, signal());
    const started = await instance.enrich({ event: eventOf('MonitorStarted') }, signal());
    // Assess
    expect(scaling).toBeUndefined();
    expect(started).toBeUndefined();
    expect(ecs.calls()).toHaveLength(0);
    expect(trail.calls()).toHaveLength(0);
  });

  it('names the assumed-role session that updated the service, when asked to', async () => {
    // Prepare
    const { instance } = enricher({ whoDeployed: true });
    ecs.on(DescribeTaskDefinitionCommand).resolves({ taskDefinition: { containerDefinitions: [] } });
    const record = (service: string, arn: string, at: number) => ({
      CloudTrailEvent: JSON.stringify({
        eventTime: new Date(at).toISOString(),
        userIdentity: { type: 'AssumedRole', arn },
        requestParameters: { cluster: 'prod', service },
      }),
    });
    trail.on(LookupEventsCommand).resolves({
      Events: [
        record('web', 'arn:aws:sts::123456789012:assumed-role/deployer/bob', CREATED),
        record(
          'arn:aws:ecs:eu-west-1:123456789012:service/prod/api',
          'arn:aws:sts::123456789012:assumed-role/deployer/jane',
          CREATED - 2_000,
        ),
        record('api', 'arn:aws:sts::123456789012:assumed-role/deployer/old', CREATED - 200_000),
      ],
    });
    // Act
    const context = await instance.enrich({ event: eventOf('DeploymentStarted') }, signal());
    const again = await instance.enrich({ event: eventOf('DeploymentCompleted') }, signal());
    // Assess
    expect(context?.deployedBy).toBe('arn:aws:sts::123456789012:assumed-role/deployer/jane');
    expect(again?.deployedBy).toBe(context?.deployedBy);
    const lookups = trail.commandCalls(LookupEventsCommand);
    expect(lookups).toHaveLength(1);
    expect(lookups[0]?.args[0].input.LookupAttributes).toEqual([{ AttributeKey: 'EventName', AttributeValue: 'UpdateService' }]);
    expect(lookups[0]?.args[0].input.StartTime).toEqual(new Date(CREATED - 300_000));
  });

  it('goes on without the deployer and logs when CloudTrail throttles', async () => {
    // Prepare
    const { instance, logger } = enricher({ whoDeployed: true });
    ecs.on(DescribeTaskDefinitionCommand).resolves({ taskDefinition: { containerDefinitions: [{ name: 'api', image: 'x' }] } });
    const throttled = Object.assign(new Error('Rate exceeded'), { name: 'ThrottlingException' });
    trail.on(LookupEventsCommand).rejects(throttled);
    // Act
    const context = await instance.enrich({ event: eventOf('DeploymentStarted', { previousTaskDef: `${TD}:40` }) }, signal());
    // Assess
    expect(context?.deployedBy).toBeUndefined();
    expect(context?.incomplete).toEqual(['who deployed']);
    expect(logger.entries).toEqual([
      expect.objectContaining({
        level: 'warn',
        msg: 'enrichment lookup failed',
        fields: expect.objectContaining({ lookup: 'who deployed', err: throttled }),
      }),
    ]);
  });
});

describe('createEcsEnricher within enrichEvents', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('does not hold a crash notification past the budget when DescribeTasks hangs', async () => {
    // Prepare
    const { instance } = enricher();
    ecs.on(ListTasksCommand).resolves({ taskArns: ['t-1'] });
    ecs.on(DescribeTasksCommand).callsFake(() => new Promise(() => undefined));
    const source = new Subject<EnrichInput>();
    const out: MonitorEvent[] = [];
    source.pipe(enrichEvents(instance, { budgetMs: 2_000 })).subscribe((e) => out.push(e));
    // Act
    source.next({ event: eventOf('TaskCrashed'), service: service(['(service api) has stopped 1 running tasks: (task t-1).']) });
    await vi.advanceTimersByTimeAsync(1_999);
    const early = out.length;
    await vi.advanceTimersByTimeAsync(1);
    // Assess
    expect(early).toBe(0);
    expect(out).toHaveLength(1);
    expect(out[0]).toMatchObject({
      type: 'TaskCrashed',
      context: { serviceEvents: ['(service api) has stopped 1 running tasks: (task t-1).'], incomplete: ['stopped tasks'] },
    });
  });
});

describe('createEcsEnricher options', () => {
  it('refuses whoDeployed without a CloudTrail client', () => {
    // Act
    const attempt = () => createEcsEnricher({ clientFor: (region) => new ECSClient({ region }), whoDeployed: true });
    // Assess
    expect(attempt).toThrow(expect.objectContaining({ code: 'MONA_ENRICH_CONFIG' }));
  });
});
