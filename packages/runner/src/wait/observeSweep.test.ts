import { DEFAULT_MONITOR_CONFIG, reduce } from '@mona-ecs/core/pipeline';
import type { SweepOutcome } from '@mona-ecs/core/ecs';
import type { ClusterState } from '@mona-ecs/core/pipeline';
import { buildDeployment, buildFailure, buildService, buildSnapshot } from '@mona-ecs/core/testing';
import { describe, expect, it } from 'vitest';
import { observeSweep } from './observeSweep.js';
import { initialWait, waitExitCode } from './WaitProgress.js';
import type { WaitProgress, WaitTargets } from './WaitProgress.js';

const T0 = Date.UTC(2025, 2, 14, 9, 1, 0);
const NO_TARGET: WaitTargets = { deployments: [], taskDefinitions: [] };

/** Runs sweeps through the real reducer and the wait, as `runWait` does. */
function play(sweeps: SweepOutcome[], services = ['api'], targets = NO_TARGET): WaitProgress {
  let state: ClusterState | undefined;
  let progress = initialWait('prod', 'eu-west-1', services, targets);
  for (const sweep of sweeps) {
    const result = reduce(state, sweep, DEFAULT_MONITOR_CONFIG);
    state = result.state;
    progress = observeSweep(progress, sweep, result);
  }
  return progress;
}

const failed = buildDeployment({
  id: 'ecs-svc/2',
  status: 'ACTIVE',
  runningCount: 0,
  rolloutState: 'FAILED',
  rolloutStateReason: 'ECS deployment circuit breaker: tasks failed to start.',
});
const rollingBack = buildDeployment({
  id: 'ecs-svc/3',
  runningCount: 1,
  rolloutState: 'IN_PROGRESS',
  rolloutStateReason: 'ECS deployment circuit breaker: rolling back to deployment ecs-svc/1.',
});
const inProgress = buildDeployment({ id: 'ecs-svc/2', runningCount: 1, rolloutState: 'IN_PROGRESS', rolloutStateReason: undefined });
const old = buildDeployment({ id: 'ecs-svc/1', status: 'ACTIVE', runningCount: 1 });

describe('observeSweep', () => {
  it('reports a rollback already under way at start as rolled back, never as completed', () => {
    // Act
    const progress = play([buildSnapshot({ observedAt: T0, services: [buildService({ deployments: [rollingBack, failed] })] })]);

    // Assess
    expect(progress.services[0]).toMatchObject({
      status: 'rolledBack',
      deploymentId: 'ecs-svc/2',
      reason: 'ECS deployment circuit breaker: tasks failed to start.',
    });
    expect(waitExitCode(progress)).toBe(1);
  });

  it('keeps waiting for a service absent from a partial sweep: unknown, not missing', () => {
    // Act
    const progress = play([buildSnapshot({ observedAt: T0, services: [], partial: true })]);

    // Assess
    expect(progress.services[0]?.status).toBe('waiting');
  });

  it('keeps waiting through failed sweeps and shows the error', () => {
    // Act
    const progress = play([
      buildSnapshot({ observedAt: T0, services: [buildService({ deployments: [inProgress, old] })] }),
      buildFailure({ observedAt: T0 + 5_000 }),
    ]);

    // Assess
    expect(progress.services[0]?.status).toBe('waiting');
    expect(progress.sweepError).toBe('Rate exceeded');
  });

  it('ends the wait at once with exit 1 when ECS refuses access (waiting cannot cure it)', () => {
    // Prepare
    const denied = buildFailure({
      observedAt: T0,
      error: {
        name: 'AccessDeniedException',
        code: 'AccessDeniedException',
        message: 'User is not authorized to perform: ecs:DescribeServices',
      },
    });

    // Act
    const progress = play([denied]);

    // Assess
    expect(progress.services[0]).toMatchObject({ status: 'error' });
    expect(progress.services[0]?.reason).toContain('ecs:DescribeServices');
    expect(waitExitCode(progress)).toBe(1);
  });

  it('reports a failure and its rollback in the same sweep as one rolled-back verdict with both events', () => {
    // Prepare
    const start = buildSnapshot({ observedAt: T0, services: [buildService({ deployments: [inProgress, old] })] });
    const after = buildSnapshot({ observedAt: T0 + 5_000, services: [buildService({ deployments: [rollingBack, failed] })] });

    // Act
    const progress = play([start, after]);

    // Assess
    expect(progress.services[0]?.status).toBe('rolledBack');
    expect(progress.services[0]?.events.map((e) => e.type)).toEqual(['DeploymentFailed', 'RollbackStarted']);
  });

  it('reports a service deleted while waiting as removed (exit 1), not unknown', () => {
    // Prepare
    const start = buildSnapshot({ observedAt: T0, services: [buildService({ deployments: [inProgress, old] })] });
    const draining = buildSnapshot({
      observedAt: T0 + 5_000,
      services: [buildService({ status: 'DRAINING', deployments: [inProgress, old] })],
    });

    // Act
    const progress = play([start, draining]);

    // Assess
    expect(progress.services[0]).toMatchObject({ status: 'removed', reason: 'service api was deleted (DRAINING)' });
    expect(waitExitCode(progress)).toBe(1);
  });

  it('waits for a named deployment that does not exist yet instead of following the PRIMARY', () => {
    // Act
    const progress = play([buildSnapshot({ observedAt: T0 })], ['api'], { deployments: ['ecs-svc/9'], taskDefinitions: [] });

    // Assess
    expect(progress.services[0]?.status).toBe('waiting');
    expect(progress.services[0]?.deploymentId).toBeUndefined();
  });
});
