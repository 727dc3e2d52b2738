import { describe, expect, it } from 'vitest';
import { consoleUrl } from '../model/config.js';
import type { MonitorEvent } from '../model/events.js';
import { snapshotAt } from './__fixtures__/streamFixtures.js';
import { stampAccount } from './stampAccount.js';

const ECS_URL = consoleUrl('eu-west-1', 'prod', 'api');

function started(): MonitorEvent {
  return {
    type: 'DeploymentStarted',
    id: 'prod/api/ecs-svc/1/DeploymentStarted',
    cluster: 'prod',
    region: 'eu-west-1',
    observedAt: 0,
    service: 'api',
    deploymentId: 'ecs-svc/1',
    deploymentCreated: '',
    deploymentUpdated: '',
    taskDef: 'api:2',
    runningCount: 1,
    desiredCount: 1,
    deploymentRunningCount: 1,
    pendingCount: 0,
    failedTasks: 0,
    success: true,
    consoleUrl: ECS_URL,
  };
}

describe('stampAccount', () => {
  it('returns the event unchanged when the sweep has no account', () => {
    // Prepare
    const event = started();
    // Act / Assess
    expect(stampAccount(event, snapshotAt(0))).toBe(event);
  });

  it('puts the account on the event and at the head of its id', () => {
    // Act
    const stamped = stampAccount(started(), { ...snapshotAt(0), account: 'payments', accountId: '111111111111' });
    // Assess
    expect(stamped).toMatchObject({ account: 'payments', accountId: '111111111111', id: 'payments/prod/api/ecs-svc/1/DeploymentStarted' });
  });

  it('links to the console through the access portal of the right account when configured', () => {
    // Act
    const stamped = stampAccount(
      started(),
      { ...snapshotAt(0), account: 'payments', accountId: '111111111111' },
      { accessPortalUrl: 'https://my-org.awsapps.com/start', roleName: 'ReadOnly' },
    );
    // Assess
    expect('consoleUrl' in stamped && stamped.consoleUrl).toContain('account_id=111111111111');
    expect('consoleUrl' in stamped && stamped.consoleUrl).toContain(encodeURIComponent(ECS_URL));
  });

  it('keeps the ECS link when the account id is unknown', () => {
    // Act
    const stamped = stampAccount(
      started(),
      { ...snapshotAt(0), account: 'payments' },
      { accessPortalUrl: 'https://x.awsapps.com/start', roleName: 'R' },
    );
    // Assess
    expect('consoleUrl' in stamped && stamped.consoleUrl).toBe(ECS_URL);
  });
});
