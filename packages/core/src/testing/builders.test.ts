import { describe, expect, it } from 'vitest';
import { BUILDER_DEFAULTS, buildDeployment, buildFailure, buildService, buildSnapshot, taskDefinitionArn } from './builders.js';

describe('snapshot builders', () => {
  it('builds a finished PRIMARY deployment shaped like DescribeServices output', () => {
    // Prepare / Act
    const deployment = buildDeployment();
    // Assess
    expect(deployment).toEqual({
      id: 'ecs-svc/1234567890123456789',
      status: 'PRIMARY',
      taskDefinition: 'arn:aws:ecs:eu-west-1:123456789012:task-definition/api:42',
      desiredCount: 2,
      runningCount: 2,
      pendingCount: 0,
      failedTasks: 0,
      createdAt: BUILDER_DEFAULTS.createdAt,
      updatedAt: BUILDER_DEFAULTS.createdAt,
      rolloutState: 'COMPLETED',
      rolloutStateReason: 'ECS deployment ecs-svc/1234567890123456789 completed.',
    });
  });

  it('leaves out optional fields given as undefined', () => {
    // Prepare / Act
    const deployment = buildDeployment({ rolloutState: undefined, rolloutStateReason: undefined });
    const service = buildService({ deploymentController: undefined, createdAt: undefined });
    // Assess
    expect('rolloutState' in deployment || 'rolloutStateReason' in deployment).toBe(false);
    expect('deploymentController' in service || 'createdAt' in service).toBe(false);
  });

  it('derives service counts from the live deployments as ECS does', () => {
    // Prepare
    const primary = buildDeployment({ id: 'ecs-svc/2', desiredCount: 4, runningCount: 1, pendingCount: 2 });
    const draining = buildDeployment({ status: 'ACTIVE', desiredCount: 2, runningCount: 2 });
    const gone = buildDeployment({ id: 'ecs-svc/0', status: 'INACTIVE', runningCount: 5 });
    // Act
    const service = buildService({ name: 'web', deployments: [primary, draining, gone] });
    // Assess
    expect(service).toMatchObject({
      name: 'web',
      arn: 'arn:aws:ecs:eu-west-1:123456789012:service/prod/web',
      desiredCount: 4,
      runningCount: 3,
      pendingCount: 2,
    });
  });

  it('lets explicit counts win, for services without deployments', () => {
    // Prepare / Act
    const service = buildService({ deploymentController: 'CODE_DEPLOY', deployments: [], desiredCount: 3, runningCount: 3 });
    // Assess
    expect(service).toMatchObject({ deploymentController: 'CODE_DEPLOY', deployments: [], desiredCount: 3, runningCount: 3 });
  });

  it('builds a complete snapshot and a throttled failure of cluster prod', () => {
    // Prepare / Act
    const snapshot = buildSnapshot({ partial: true });
    const failure = buildFailure({ observedAt: 5 });
    // Assess
    expect(snapshot).toMatchObject({ kind: 'snapshot', cluster: 'prod', region: 'eu-west-1', missing: [], partial: true });
    expect(snapshot.services.map((s) => s.name)).toEqual(['api']);
    expect(failure).toEqual({
      kind: 'failure',
      cluster: 'prod',
      region: 'eu-west-1',
      observedAt: 5,
      error: { name: 'ThrottlingException', message: 'Rate exceeded', code: 'ThrottlingException' },
    });
  });

  it('formats task definition ARNs', () => {
    // Prepare / Act
    const arn = taskDefinitionArn('worker', 7, 'us-east-1');
    // Assess
    expect(arn).toBe('arn:aws:ecs:us-east-1:123456789012:task-definition/worker:7');
  });
});
