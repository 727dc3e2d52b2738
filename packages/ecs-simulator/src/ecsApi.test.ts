import {
  DescribeServicesCommand,
  DescribeTaskDefinitionCommand,
  DescribeTasksCommand,
  ListClustersCommand,
  ListServicesCommand,
  ListTasksCommand,
} from '@aws-sdk/client-ecs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startSimulator } from './startSimulator.js';
import { ecsClient } from './__fixtures__/clients.js';
import type { ECSClient } from '@aws-sdk/client-ecs';
import type { Simulator } from './Simulator.js';

let sim: Simulator;
let ecs: ECSClient;

beforeEach(async () => {
  sim = await startSimulator({ region: 'eu-west-1', startTime: Date.UTC(2025, 0, 1) });
  ecs = ecsClient(sim);
});

afterEach(async () => {
  ecs.destroy();
  await sim.close();
});

async function errorOf(promise: Promise<unknown>): Promise<{ name: string; message: string; status: number | undefined }> {
  try {
    await promise;
  } catch (error) {
    const e = error as Error & { $metadata?: { httpStatusCode?: number } };
    return { name: e.name, message: e.message, status: e.$metadata?.httpStatusCode };
  }
  throw new Error('expected the call to fail');
}

describe('ListClusters and ListServices', () => {
  it('lists clusters by long-format ARN', async () => {
    sim.createService('api', { cluster: 'prod' });

    const out = await ecs.send(new ListClustersCommand({}));

    expect(out.clusterArns).toEqual([
      'arn:aws:ecs:eu-west-1:123456789012:cluster/default',
      'arn:aws:ecs:eu-west-1:123456789012:cluster/prod',
    ]);
  });

  it('pages through 250 services with nextToken at maxResults 100', async () => {
    sim.createServices(250, { cluster: 'prod', desiredCount: 1 });
    const pages: number[] = [];
    const arns: string[] = [];
    let nextToken: string | undefined;

    for (let i = 0; i < 10; i += 1) {
      const out = await ecs.send(new ListServicesCommand({ cluster: 'prod', maxResults: 100, ...(nextToken ? { nextToken } : {}) }));
      pages.push(out.serviceArns?.length ?? 0);
      arns.push(...(out.serviceArns ?? []));
      nextToken = out.nextToken;
      if (!nextToken) break;
    }

    expect(pages).toEqual([100, 100, 50]);
    expect(new Set(arns).size).toBe(250);
    expect(arns[0]).toBe('arn:aws:ecs:eu-west-1:123456789012:service/prod/service-001');
  });

  it('returns 10 services per page by default, like ECS', async () => {
    sim.createServices(12);

    const out = await ecs.send(new ListServicesCommand({}));

    expect(out.serviceArns).toHaveLength(10);
    expect(out.nextToken).toBeTypeOf('string');
  });

  it.each([0, 101])('rejects maxResults %i with InvalidParameterException', async (maxResults) => {
    const error = await errorOf(ecs.send(new ListServicesCommand({ maxResults })));

    expect(error).toMatchObject({ name: 'InvalidParameterException', status: 400 });
  });

  it('answers ClusterNotFoundException for an unknown cluster', async () => {
    const error = await errorOf(ecs.send(new ListServicesCommand({ cluster: 'nope' })));

    expect(error.name).toBe('ClusterNotFoundException');
  });
});

describe('DescribeServices', () => {
  it('describes a steady service with ECS field types', async () => {
    sim.createService('api', { desiredCount: 2, image: 'repo/api:1', history: 100 });

    const out = await ecs.send(new DescribeServicesCommand({ services: ['api'] }));

    const service = out.services?.[0];
    expect(service).toMatchObject({
      serviceArn: 'arn:aws:ecs:eu-west-1:123456789012:service/default/api',
      status: 'ACTIVE',
      desiredCount: 2,
      runningCount: 2,
      pendingCount: 0,
      launchType: 'FARGATE',
      schedulingStrategy: 'REPLICA',
      deploymentController: { type: 'ECS' },
    });
    expect(service?.createdAt).toBeInstanceOf(Date);
    expect(service?.deployments).toHaveLength(1);
    expect(service?.deployments?.[0]).toMatchObject({ status: 'PRIMARY', rolloutState: 'COMPLETED', runningCount: 2 });
    expect(service?.deployments?.[0]?.id).toMatch(/^ecs-svc\/\d{19}$/);
    expect(service?.events).toHaveLength(100);
    expect(service?.events?.[0]?.message).toBe('(service api) has reached a steady state.');
  });

  it('sends dates as epoch seconds on the wire', async () => {
    sim.createService('api');

    const res = await fetch(sim.url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': 'AmazonEC2ContainerServiceV20141113.DescribeServices' },
      body: JSON.stringify({ services: ['api'] }),
    });
    const body = (await res.json()) as { services: Array<{ createdAt: unknown }> };

    expect(body.services[0]?.createdAt).toBeTypeOf('number');
    expect(body.services[0]?.createdAt).toBeLessThan(Date.UTC(2025, 0, 1) / 1000);
  });

  it('reports unknown services as MISSING failures', async () => {
    sim.createService('api');

    const out = await ecs.send(new DescribeServicesCommand({ services: ['api', 'ghost'] }));

    expect(out.services?.map((s) => s.serviceName)).toEqual(['api']);
    expect(out.failures).toEqual([{ arn: 'arn:aws:ecs:eu-west-1:123456789012:service/default/ghost', reason: 'MISSING' }]);
  });

  it('accepts service ARNs as well as names', async () => {
    const arn = sim.createService('api');

    const out = await ecs.send(new DescribeServicesCommand({ services: [arn] }));

    expect(out.services?.[0]?.serviceName).toBe('api');
  });

  it('rejects more than 10 services with InvalidParameterException', async () => {
    const names = sim.createServices(11);

    const error = await errorOf(ecs.send(new DescribeServicesCommand({ services: names })));

    expect(error).toMatchObject({ name: 'InvalidParameterException', status: 400 });
  });
});

describe('tasks and task definitions', () => {
  it('lists running tasks of a service and describes them', async () => {
    sim.createService('api', { desiredCount: 3 });

    const list = await ecs.send(new ListTasksCommand({ serviceName: 'api' }));
    const out = await ecs.send(new DescribeTasksCommand({ tasks: list.taskArns ?? [] }));

    expect(list.taskArns).toHaveLength(3);
    expect(list.taskArns?.[0]).toMatch(/^arn:aws:ecs:eu-west-1:123456789012:task\/default\/[0-9a-f]{32}$/);
    expect(out.tasks?.map((t) => t.lastStatus)).toEqual(['RUNNING', 'RUNNING', 'RUNNING']);
    expect(out.tasks?.[0]?.group).toBe('service:api');
  });

  it('describes a crashed task with stopCode, stoppedReason and the exit code', async () => {
    sim.createService('worker', { desiredCount: 2 });
    sim.crashTasks('worker', 1);

    const list = await ecs.send(new ListTasksCommand({ serviceName: 'worker', desiredStatus: 'STOPPED' }));
    const out = await ecs.send(new DescribeTasksCommand({ tasks: list.taskArns ?? [] }));

    const task = out.tasks?.[0];
    expect(task).toMatchObject({ lastStatus: 'STOPPED', desiredStatus: 'STOPPED', stopCode: 'EssentialContainerExited' });
    expect(task?.stoppedReason).toBe('Essential container in task exited');
    expect(task?.stoppedAt).toBeInstanceOf(Date);
    expect(task?.containers?.[0]).toMatchObject({ exitCode: 137, reason: 'OutOfMemoryError: Container killed due to memory usage' });
  });

  it('pages ListTasks and rejects maxResults over 100', async () => {
    sim.createService('big', { desiredCount: 150 });

    const first = await ecs.send(new ListTasksCommand({ serviceName: 'big', maxResults: 100 }));
    const second = await ecs.send(
      new ListTasksCommand({ serviceName: 'big', maxResults: 100, ...(first.nextToken ? { nextToken: first.nextToken } : {}) }),
    );
    const error = await errorOf(ecs.send(new ListTasksCommand({ serviceName: 'big', maxResults: 101 })));

    expect([first.taskArns?.length, second.taskArns?.length, second.nextToken]).toEqual([100, 50, undefined]);
    expect(error.name).toBe('InvalidParameterException');
  });

  it('reports unknown task ids as MISSING and rejects more than 100 tasks', async () => {
    const ids = Array.from({ length: 101 }, (_, i) => `t${i}`);

    const out = await ecs.send(new DescribeTasksCommand({ tasks: ['0123'] }));
    const error = await errorOf(ecs.send(new DescribeTasksCommand({ tasks: ids })));

    expect(out.failures).toEqual([{ arn: 'arn:aws:ecs:eu-west-1:123456789012:task/default/0123', reason: 'MISSING' }]);
    expect(error.name).toBe('InvalidParameterException');
  });

  it('describes a task definition with its container image, cpu and memory', async () => {
    sim.createService('api', { image: 'repo/api:7', cpu: 512, memory: 1024 });
    sim.deploy('api', { image: 'repo/api:8' });

    const latest = await ecs.send(new DescribeTaskDefinitionCommand({ taskDefinition: 'api' }));
    const first = await ecs.send(
      new DescribeTaskDefinitionCommand({ taskDefinition: 'arn:aws:ecs:eu-west-1:123456789012:task-definition/api:1' }),
    );

    expect(latest.taskDefinition).toMatchObject({ family: 'api', revision: 2 });
    expect(latest.taskDefinition?.containerDefinitions?.[0]).toMatchObject({ image: 'repo/api:8', cpu: 512, memory: 1024 });
    expect(first.taskDefinition?.containerDefinitions?.[0]?.image).toBe('repo/api:7');
  });
});
