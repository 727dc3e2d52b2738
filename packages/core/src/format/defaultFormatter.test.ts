import { describe, expect, it } from 'vitest';
import { eventOf } from './__fixtures__/events.js';
import { defaultFormatter } from './defaultFormatter.js';

describe('defaultFormatter', () => {
  it('announces monitoring with the service count and names', () => {
    // Act
    const text = defaultFormatter.monitorDeploy(['api', 'web'], 'prod');
    // Assess
    expect(text).toBe(':eyes: Mona is deployed and monitoring 2 services in cluster `prod`: `api`, `web`');
  });

  it('lists at most twenty service names and counts the rest', () => {
    // Prepare
    const names = Array.from({ length: 23 }, (_, i) => `svc-${i}`);
    // Act
    const text = defaultFormatter.monitorDeploy(names, 'prod');
    // Assess
    expect(text.startsWith(':eyes: Mona is deployed and monitoring 23 services in cluster `prod`: `svc-0`')).toBe(true);
    expect(text.endsWith('`svc-19` and 3 more')).toBe(true);
  });

  it('keeps the original wording for a started deployment, with the short task definition', () => {
    expect(defaultFormatter.deploy(eventOf('DeploymentStarted'))).toBe(
      ':arrows_clockwise: `api` deployment started with task definition `api:42`',
    );
  });

  it('keeps the original wording for a finished deployment and adds how long it took', () => {
    expect(defaultFormatter.deployDone(eventOf('DeploymentCompleted'))).toBe(
      ':white_check_mark: `api` deployment done with `2` instances and task definition `api:42` (took 3m 5s)',
    );
  });

  it('says "deployment done" for scale and recover completions too, as the original, then what finished', () => {
    // Act
    const scale = defaultFormatter.deployDone(eventOf('DeploymentCompleted', { kind: 'scale', desiredCount: 4, runningCount: 4 }));
    const recover = defaultFormatter.deployDone(eventOf('DeploymentCompleted', { kind: 'recover', durationSeconds: 40 }));
    // Assess
    expect(scale).toBe(
      ':white_check_mark: `api` deployment done with `4` instances and task definition `api:42`: scaling finished (took 3m 5s)',
    );
    expect(recover).toBe(
      ':white_check_mark: `api` deployment done with `2` instances and task definition `api:42`: recovered after a task crash (took 40s)',
    );
  });

  it('reports a rollback completion as a rollback, never as a successful deployment', () => {
    // Prepare
    const event = eventOf('DeploymentCompleted', { kind: 'rollback', taskDef: 'api:41' });
    // Act
    const text = defaultFormatter.deployDone(event);
    // Assess
    expect(text).toBe(
      ':leftwards_arrow_with_hook: `api` rollback done: back on task definition `api:41` with `2` instances; the failed deployment was not applied (took 3m 5s)',
    );
    expect(text).not.toContain('deployment done');
    expect(text).not.toContain(':white_check_mark:');
  });

  it('describes a scaling event from the previous to the new desired count', () => {
    expect(defaultFormatter.scale(eventOf('ScalingStarted'))).toBe(
      ':left_right_arrow: `api` scaling event: desired count from 2 to 4 instances',
    );
  });

  it('describes a task crash by its running and desired counts', () => {
    expect(defaultFormatter.recover(eventOf('TaskCrashed'))).toBe(
      ':boom: `api` task crashed: `1` of `2` instances running, ECS is replacing it',
    );
  });

  it('says a deployment is taking a very long time, and after how many seconds', () => {
    expect(defaultFormatter.deployTimeout(eventOf('DeploymentTimedOut'))).toBe(
      ':warning: `api` deployment is taking a very long time: not finished after 600 seconds, `1` of `2` instances running task definition `api:42`',
    );
  });

  it('warns about failing tasks, a failed deployment and a rollback', () => {
    // Act
    const failing = defaultFormatter.tasksFailing(eventOf('TasksFailing'));
    const failed = defaultFormatter.deployFailed(eventOf('DeploymentFailed'));
    const rollback = defaultFormatter.rollback(eventOf('RollbackStarted', { reason: 'circuit breaker' }));
    // Assess
    expect(failing).toBe(':warning: `api` deployment of task definition `api:42` has `3` failed tasks so far');
    expect(failed).toBe(':x: `api` deployment of task definition `api:42` failed: tasks failed to start');
    expect(rollback).toBe(':leftwards_arrow_with_hook: `api` is rolling back from `api:42` to task definition `api:41`: circuit breaker');
  });

  it("names a failed deployment by its id when only ECS's service events told of it", () => {
    // Act
    const text = defaultFormatter.deployFailed(eventOf('DeploymentFailed', { taskDef: '', deploymentId: 'ecs-svc/2' }));
    // Assess
    expect(text).toBe(':x: `api` deployment `ecs-svc/2` failed: tasks failed to start');
  });

  it('explains removals, degraded and recovered monitoring', () => {
    // Act
    const removed = defaultFormatter.serviceRemoved(eventOf('ServiceRemoved', { reason: 'INACTIVE' }));
    const unknownReason = defaultFormatter.serviceRemoved(eventOf('ServiceRemoved', { reason: 'NEW_STATE' }));
    const degraded = defaultFormatter.monitorDegraded(eventOf('MonitorDegraded'));
    const recovered = defaultFormatter.monitorRecovered(eventOf('MonitorRecovered'));
    // Assess
    expect(removed).toBe(':wastebasket: `api` is no longer monitored: the service was deleted');
    expect(unknownReason).toBe(':wastebasket: `api` is no longer monitored: NEW_STATE');
    expect(degraded).toBe(
      ':warning: Mona cannot read cluster `prod` (eu-west-1): 3 sweeps in a row failed: ThrottlingException: Rate exceeded',
    );
    expect(recovered).toBe(':white_check_mark: Mona reads cluster `prod` (eu-west-1) again after 45s');
  });

  it('says how many sweeps failed and how often the cluster flapped when it recovers', () => {
    // Prepare
    const flapped = eventOf('MonitorRecovered', { failedSweeps: 12, relapses: 3 });
    const solid = eventOf('MonitorRecovered', { failedSweeps: 1, relapses: 0 });
    // Act
    const texts = [defaultFormatter.monitorRecovered(flapped), defaultFormatter.monitorRecovered(solid)];
    // Assess
    expect(texts).toEqual([
      ':white_check_mark: Mona reads cluster `prod` (eu-west-1) again after 45s (12 failed sweeps; it answered and failed again 3 times)',
      ':white_check_mark: Mona reads cluster `prod` (eu-west-1) again after 45s (1 failed sweep)',
    ]);
  });

  it('adds stopped tasks, exit codes and service events under a crash', () => {
    // Prepare
    const event = eventOf('TaskCrashed', {
      context: {
        stoppedCount: 1,
        stoppedTasks: [
          {
            taskArn: 'arn:aws:ecs:eu-west-1:123456789012:task/prod/0a1b2c',
            stopCode: 'EssentialContainerExited',
            stoppedReason: 'Essential container in task exited',
            containers: [
              { name: 'api', exitCode: 137, reason: 'OutOfMemoryError: Container killed due to memory usage' },
              { name: 'sidecar', exitCode: 0 },
            ],
          },
        ],
        serviceEvents: ['(service api) has stopped 1 running tasks: (task 0a1b2c).'],
      },
    });
    // Act
    const lines = defaultFormatter.recover(event).split('\n');
    // Assess
    expect(lines.slice(1)).toEqual([
      '• 1 task stopped:',
      '    ◦ task 0a1b2c: EssentialContainerExited: Essential container in task exited',
      '        ◦ api: exit 137: OutOfMemoryError: Container killed due to memory usage',
      '• ECS: (service api) has stopped 1 running tasks: (task 0a1b2c).',
    ]);
  });

  it('adds image and size changes and who deployed under a deployment', () => {
    // Prepare
    const event = eventOf('DeploymentStarted', {
      context: {
        deployedBy: 'arn:aws:sts::123456789012:assumed-role/deployer/jane',
        changes: [
          { name: 'api', previousImage: 'repo/api:v41', image: 'repo/api:v42', previousMemory: 512, memory: 1024 },
          { name: 'otel', image: 'otel/collector:1' },
        ],
        incomplete: ['deployedBy'],
      },
    });
    // Act
    const lines = defaultFormatter.deploy(event).split('\n');
    // Assess
    expect(lines.slice(1)).toEqual([
      '• Deployed by arn:aws:sts::123456789012:assumed-role/deployer/jane',
      '• Image api: repo/api:v41 → repo/api:v42',
      '• api: memory 512 → 1024',
      '• New container otel: otel/collector:1',
      '• _Some details are missing: deployedBy_',
    ]);
  });

  it('escapes Slack control sequences from ECS and applications so nobody is pinged', () => {
    // Prepare
    const event = eventOf('DeploymentFailed', {
      service: 'api<!channel>',
      reason: '<!channel> & <@U123> <https://evil|click>',
      context: { serviceEvents: ['<!here> unable to place a task'] },
    });
    // Act
    const text = defaultFormatter.deployFailed(event);
    // Assess
    expect(text).not.toMatch(/<[!@h]/);
    expect(text).toContain('&lt;!channel&gt; &amp; &lt;@U123&gt; &lt;https://evil|click&gt;');
    expect(text).toContain('`api&lt;!channel&gt;`');
    expect(text).toContain('• ECS: &lt;!here&gt; unable to place a task');
  });

  it('cannot be changed by callers', () => {
    // Prepare
    const target = defaultFormatter as unknown as Record<string, unknown>;
    // Act
    const assign = () => {
      target['deploy'] = () => 'hijacked';
    };
    // Assess
    expect(assign).toThrow(TypeError);
    expect(defaultFormatter.deploy(eventOf('DeploymentStarted'))).toContain('deployment started');
  });
});

/**
 * Users of the original mona (and their Slack keyword alerts) know its phrases: each default text
 * of the original's six keys must keep its phrase, whatever context we add after it.
 */
describe("defaultFormatter keeps the original mona's phrases", () => {
  it.each([
    ['monitorDeploy', defaultFormatter.monitorDeploy(['api'], 'prod'), 'is deployed and monitoring'],
    ['monitorDeploy with no service', defaultFormatter.monitorDeploy([], 'prod'), 'is deployed and monitoring'],
    ['deploy', defaultFormatter.deploy(eventOf('DeploymentStarted')), 'deployment started'],
    ['scale', defaultFormatter.scale(eventOf('ScalingStarted')), 'scaling event'],
    ['recover', defaultFormatter.recover(eventOf('TaskCrashed')), 'task crashed'],
    ['deployDone (deploy)', defaultFormatter.deployDone(eventOf('DeploymentCompleted', { kind: 'deploy' })), 'deployment done'],
    ['deployDone (scale)', defaultFormatter.deployDone(eventOf('DeploymentCompleted', { kind: 'scale' })), 'deployment done'],
    ['deployDone (recover)', defaultFormatter.deployDone(eventOf('DeploymentCompleted', { kind: 'recover' })), 'deployment done'],
    ['deployTimeout', defaultFormatter.deployTimeout(eventOf('DeploymentTimedOut')), 'taking a very long time'],
  ])('%s says "%s"', (_key, text, phrase) => {
    expect(text).toContain(phrase);
  });

  it('keeps the phrase on the headline when enrichment context follows', () => {
    // Prepare
    const event = eventOf('TaskCrashed', { context: { serviceEvents: ['(service api) has stopped 1 running tasks.'] } });
    // Act
    const headline = defaultFormatter.recover(event).split('\n')[0];
    // Assess
    expect(headline).toContain('task crashed');
  });

  it('never says "deployment done" for a rollback completion', () => {
    expect(defaultFormatter.deployDone(eventOf('DeploymentCompleted', { kind: 'rollback' }))).not.toContain('deployment done');
  });
});

describe('defaultFormatter context lines', () => {
  it('keeps a multi-line stop reason on its bullet line', () => {
    // Prepare
    const event = eventOf('TaskCrashed', {
      context: { stoppedTasks: [{ taskArn: 't/1', stoppedReason: 'line one\n  line two', containers: [] }] },
    });
    // Act
    const lines = defaultFormatter.recover(event).split('\n');
    // Assess
    expect(lines.slice(1)).toEqual(['• 1 task stopped:', '    ◦ task 1: line one line two']);
  });
});
