import { describe, expect, it } from 'vitest';
import { deploymentEvent, inSnsEnvelope, REGION, serviceAction, taskEvent } from './__fixtures__/ecsEvents.js';
import { parseEcsEvent } from './parseEcsEvent.js';

const parse = (value: unknown) => parseEcsEvent(typeof value === 'string' ? value : JSON.stringify(value));

describe('parseEcsEvent', () => {
  it('reads the cluster and service of a deployment state change from its service ARN', () => {
    expect(parse(deploymentEvent('prod', 'api'))).toEqual({
      kind: 'hint',
      detailType: 'ECS Deployment State Change',
      name: 'SERVICE_DEPLOYMENT_IN_PROGRESS',
      account: '111122223333',
      region: REGION,
      cluster: 'prod',
      service: 'api',
    });
  });

  it('reads a service action the same way', () => {
    expect(parse(serviceAction('prod', 'web', 'SERVICE_TASK_PLACEMENT_FAILURE'))).toMatchObject({
      cluster: 'prod',
      service: 'web',
      name: 'SERVICE_TASK_PLACEMENT_FAILURE',
    });
  });

  it('reads a task state change, and keeps a stopped task with its stop reason and exit codes', () => {
    const parsed = parse(taskEvent('prod', 'service:api'));

    expect(parsed).toMatchObject({ kind: 'hint', detailType: 'ECS Task State Change', name: 'STOPPED', cluster: 'prod', service: 'api' });
    expect(parsed.kind === 'hint' && parsed.stoppedTask).toEqual({
      taskArn: 'arn:aws:ecs:eu-west-1:111122223333:task/prod/abc123',
      taskDefinition: 'arn:aws:ecs:eu-west-1:111122223333:task-definition/api:7',
      stopCode: 'EssentialContainerExited',
      stoppedReason: 'Essential container in task exited',
      stoppedAt: Date.parse('2025-01-01T11:59:58Z'),
      containers: [{ name: 'app', exitCode: 137, reason: 'OutOfMemoryError: Container killed due to memory usage' }],
    });
  });

  it('keeps no stopped task for a task that is running', () => {
    const parsed = parse(taskEvent('prod', 'service:api', 'RUNNING'));

    expect(parsed).toMatchObject({ kind: 'hint', name: 'RUNNING' });
    expect(parsed).not.toHaveProperty('stoppedTask');
  });

  it('unwraps an event delivered through an SNS topic', () => {
    expect(parse(inSnsEnvelope(deploymentEvent('prod', 'api')))).toMatchObject({ kind: 'hint', cluster: 'prod', service: 'api' });
  });

  it('ignores events of other sources and detail types, and tasks no service started', () => {
    expect(parse({ ...deploymentEvent('prod', 'api'), source: 'aws.ec2' })).toEqual({ kind: 'ignored', reason: 'source aws.ec2' });
    expect(parse({ ...deploymentEvent('prod', 'api'), 'detail-type': 'ECS Container Instance State Change' })).toMatchObject({
      kind: 'ignored',
    });
    expect(parse(taskEvent('prod', 'family:batch'))).toEqual({ kind: 'ignored', reason: 'a task not started by a service' });
  });

  it.each([
    ['a body that is not JSON', 'not json', 'the body is not JSON'],
    ['an SNS envelope whose Message is not JSON', { Type: 'Notification', Message: '{oops' }, "the SNS notification's Message is not JSON"],
    ['an object that is not an event', { hello: 'world' }, "not an EventBridge event: (root) must have required property 'source'"],
    [
      'resources that are not strings',
      { ...deploymentEvent('prod', 'api'), resources: [1] },
      'not an EventBridge event: /resources/0 must be string',
    ],
    [
      'a service ARN of the old short format',
      { ...deploymentEvent('prod', 'api'), resources: ['arn:aws:ecs:eu-west-1:111122223333:service/api'] },
      'resources[0] is not a service ARN of the long format (service/CLUSTER/NAME): arn:aws:ecs:eu-west-1:111122223333:service/api',
    ],
    ['a deployment change without eventName', { ...deploymentEvent('prod', 'api'), detail: {} }, 'detail.eventName is missing'],
    [
      'a task change without clusterArn',
      { ...taskEvent('prod', 'service:api'), detail: { group: 'service:api', lastStatus: 'STOPPED' } },
      'detail.clusterArn is missing or not a cluster ARN',
    ],
  ])('names what is wrong with %s', (_, body, reason) => {
    expect(parse(body)).toEqual({ kind: 'malformed', reason });
  });
});
