import { describe, expect, it } from 'vitest';
import { sdkService } from './__fixtures__/ecsMock.js';
import { incompleteFields, toServiceSnapshot } from './toServiceSnapshot.js';

describe('toServiceSnapshot', () => {
  it('converts dates to epoch ms and keeps only the fields the reducer reads', () => {
    // Prepare
    const service = sdkService('api', { taskDefinition: 'ignored', loadBalancers: [{ containerPort: 80 }] });
    // Act
    const snapshot = toServiceSnapshot(service, []);
    // Assess
    expect(snapshot).toEqual({
      name: 'api',
      arn: 'arn:aws:ecs:eu-west-1:123456789012:service/prod/api',
      status: 'ACTIVE',
      createdAt: Date.parse('2024-05-01T10:00:00Z'),
      desiredCount: 2,
      runningCount: 2,
      pendingCount: 0,
      deploymentController: 'ECS',
      schedulingStrategy: 'REPLICA',
      deployments: [
        {
          id: 'ecs-svc/api-1',
          status: 'PRIMARY',
          taskDefinition: 'arn:aws:ecs:eu-west-1:123456789012:task-definition/api:1',
          desiredCount: 2,
          runningCount: 2,
          pendingCount: 0,
          failedTasks: 0,
          createdAt: Date.parse('2024-05-01T10:00:00Z'),
          updatedAt: Date.parse('2024-05-01T10:00:00Z'),
          rolloutState: 'COMPLETED',
          rolloutStateReason: 'ECS deployment ecs-svc completed.',
        },
      ],
      events: [],
    });
  });

  it('gives absent fields safe defaults, as for a CODE_DEPLOY service without deployments', () => {
    // Prepare
    const service = {
      serviceArn: 'arn:aws:ecs:eu-west-1:123456789012:service/prod/blue-green',
      deploymentController: { type: 'CODE_DEPLOY' as const },
    };
    // Act
    const snapshot = toServiceSnapshot(service, []);
    // Assess
    expect(snapshot).toEqual({
      name: 'blue-green',
      arn: 'arn:aws:ecs:eu-west-1:123456789012:service/prod/blue-green',
      status: '',
      desiredCount: 0,
      runningCount: 0,
      pendingCount: 0,
      deploymentController: 'CODE_DEPLOY',
      deployments: [],
      events: [],
    });
  });

  it('uses createdAt for a deployment without updatedAt and keeps unknown enum values', () => {
    // Prepare
    const createdAt = new Date('2024-06-01T00:00:00Z');
    const service = sdkService('api', { deployments: [{ id: 'd1', status: 'SOMETHING_NEW', createdAt }] });
    // Act
    const [deployment] = toServiceSnapshot(service, []).deployments;
    // Assess
    expect(deployment).toMatchObject({
      id: 'd1',
      status: 'SOMETHING_NEW',
      updatedAt: createdAt.getTime(),
      failedTasks: 0,
      taskDefinition: '',
    });
    expect(deployment).not.toHaveProperty('rolloutState');
  });
});

describe('incompleteFields', () => {
  it('finds nothing missing in a complete answer', () => {
    // Prepare
    const service = sdkService('api');
    // Act
    const missing = incompleteFields(service);
    // Assess
    expect(missing).toEqual([]);
  });

  it('names the counts and deployments a rolling-update service was answered without', () => {
    // Prepare
    const { desiredCount: _d, runningCount: _r, deployments: _deps, ...stripped } = sdkService('api');
    // Act
    const missing = incompleteFields(stripped);
    // Assess
    expect(missing).toEqual(['desiredCount', 'runningCount', 'deployments']);
  });

  it.each(['CODE_DEPLOY', 'EXTERNAL'] as const)('needs no deployments for a %s service, but its counts', (type) => {
    // Prepare
    const { deployments: _deps, runningCount: _r, ...service } = sdkService('blue-green', { deploymentController: { type } });
    // Act
    const missing = incompleteFields(service);
    // Assess
    expect(missing).toEqual(['runningCount']);
  });

  it('names the fields each deployment lacks, by index', () => {
    // Prepare
    const [primary] = sdkService('api').deployments ?? [];
    const { desiredCount: _d, createdAt: _c, ...partialDeployment } = primary ?? {};
    const service = sdkService('api', { deployments: [primary ?? {}, partialDeployment] });
    // Act
    const missing = incompleteFields(service);
    // Assess
    expect(missing).toEqual(['deployments[1].desiredCount', 'deployments[1].createdAt']);
  });
});
