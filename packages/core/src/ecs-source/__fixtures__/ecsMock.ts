import { DescribeServicesCommand, ECSClient } from '@aws-sdk/client-ecs';
import type { DescribeServicesCommandInput, Service } from '@aws-sdk/client-ecs';
import { mockClient } from 'aws-sdk-client-mock';
import { RateLimiter } from '../RateLimiter.js';

export const REGION = 'eu-west-1';
export const CLUSTER = { cluster: 'prod', region: REGION };
const ACCOUNT = '123456789012';

/** A long-format service ARN. */
export function arnOf(name: string, cluster = 'prod'): string {
  return `arn:aws:ecs:${REGION}:${ACCOUNT}:service/${cluster}/${name}`;
}

/** A DescribeServices `Service` shaped like a real steady rolling-update service. */
export function sdkService(name: string, overrides: Partial<Service> = {}): Service {
  const created = new Date('2024-05-01T10:00:00Z');
  return {
    serviceName: name,
    serviceArn: arnOf(name),
    status: 'ACTIVE',
    desiredCount: 2,
    runningCount: 2,
    pendingCount: 0,
    createdAt: created,
    schedulingStrategy: 'REPLICA',
    deploymentController: { type: 'ECS' },
    deployments: [
      {
        id: `ecs-svc/${name}-1`,
        status: 'PRIMARY',
        taskDefinition: `arn:aws:ecs:${REGION}:${ACCOUNT}:task-definition/${name}:1`,
        desiredCount: 2,
        runningCount: 2,
        pendingCount: 0,
        failedTasks: 0,
        createdAt: created,
        updatedAt: created,
        rolloutState: 'COMPLETED',
        rolloutStateReason: 'ECS deployment ecs-svc completed.',
      },
    ],
    events: [],
    ...overrides,
  };
}

/** A client whose retries cannot hide failures (maxAttempts 1) and its mock. */
export function mockedEcs() {
  const client = new ECSClient({
    region: REGION,
    maxAttempts: 1,
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
  });
  return { client, ecs: mockClient(client) };
}

/** Answers DescribeServices with the named services, as ECS would. */
export function describeFrom(services: Record<string, Service>) {
  return (input: DescribeServicesCommandInput) => ({
    services: (input.services ?? []).flatMap((n) => (services[n] ? [services[n]] : [])),
    failures: (input.services ?? []).flatMap((n) => (services[n] ? [] : [{ arn: arnOf(n), reason: 'MISSING' }])),
  });
}

/** A limiter that never waits, so source tests do not depend on pacing. */
export function freeLimiter(): RateLimiter {
  return new RateLimiter({ requestsPerSecond: 1e9, burst: 1e9 });
}

export { DescribeServicesCommand };
