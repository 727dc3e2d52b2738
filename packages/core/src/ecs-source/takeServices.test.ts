import { DescribeServicesCommand, ECSClient } from '@aws-sdk/client-ecs';
import type { ECSClientConfig } from '@aws-sdk/client-ecs';
import { describe, expect, it } from 'vitest';
import { keepEventsFor, narrowed, useTakeServices } from './takeServices.js';

const encode = (value: unknown): Uint8Array => new TextEncoder().encode(JSON.stringify(value));

function serviceWithEvents(name: string, count: number): Record<string, unknown> {
  const events = Array.from({ length: count }, (_, i) => ({
    id: `${name}-e${i}`,
    createdAt: 1_700_000_000 - i,
    message: `(service ${name}) event ${i}`,
  }));
  return {
    serviceName: name,
    serviceArn: `arn:aws:ecs:eu-west-1:123456789012:service/prod/${name}`,
    status: 'ACTIVE',
    desiredCount: 2,
    events,
  };
}

/** A client whose "network" answers every request with `status` and `body`, so the real SDK deserializer runs. */
function clientAnswering(status: number, body: unknown, headers: Record<string, string> = {}): ECSClient {
  const bytes = typeof body === 'string' ? new TextEncoder().encode(body) : encode(body);
  const client = new ECSClient({
    region: 'eu-west-1',
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
    maxAttempts: 1,
    cacheMiddleware: true,
    requestHandler: {
      handle: async () => ({
        response: { statusCode: status, reason: '', headers: { 'content-type': 'application/x-amz-json-1.1', ...headers }, body: bytes },
      }),
    },
  } as ECSClientConfig); // the handler has only what the SDK calls; the full HttpHandler type asks for more
  useTakeServices(client);
  return client;
}

function describing(keep: number): DescribeServicesCommand {
  return new DescribeServicesCommand(keepEventsFor({ cluster: 'prod', services: ['api', 'web'] }, keep));
}

describe('narrowed', () => {
  it('keeps the newest events and the fields the source reads, with dates as Date', () => {
    // Prepare
    const service = {
      ...serviceWithEvents('api', 100),
      createdAt: 1_700_000_000.5,
      loadBalancers: [{ targetGroupArn: 'tg' }],
      tags: [{ key: 'team', value: 'a' }],
      deployments: [{ id: 'ecs-svc/1', rolloutState: 'COMPLETED', createdAt: 1_700_000_100, updatedAt: 1_700_000_200 }],
    };

    // Act
    const out = narrowed(service, 5);

    // Assess
    expect(Object.keys(out).sort()).toEqual(['createdAt', 'deployments', 'desiredCount', 'events', 'serviceArn', 'serviceName', 'status']);
    expect(out.events?.map((e) => e.id)).toEqual(['api-e0', 'api-e1', 'api-e2', 'api-e3', 'api-e4']);
    expect(out.createdAt?.getTime()).toBe(1_700_000_000_500);
    expect(out.events?.[0]?.createdAt?.getTime()).toBe(1_700_000_000_000);
    expect(out.deployments?.[0]?.updatedAt?.getTime()).toBe(1_700_000_200_000);
    expect(out.deployments?.[0]?.rolloutState).toBe('COMPLETED');
  });
});

describe('useTakeServices', () => {
  it('parses the answer once: services narrowed to the kept events, failures as usual', async () => {
    // Prepare
    const body = {
      services: [serviceWithEvents('api', 100), serviceWithEvents('web', 3)],
      failures: [{ arn: 'arn:aws:ecs:eu-west-1:123456789012:service/prod/gone', reason: 'MISSING' }],
    };
    const client = clientAnswering(200, body);

    // Act
    const output = await client.send(describing(5));

    // Assess
    expect(output.services?.map((s) => s.events?.length)).toEqual([5, 3]);
    expect(output.services?.[0]?.events?.[0]?.createdAt).toBeInstanceOf(Date);
    expect(output.services?.[1]?.desiredCount).toBe(2);
    expect(output.failures).toEqual([{ arn: 'arn:aws:ecs:eu-west-1:123456789012:service/prod/gone', reason: 'MISSING' }]);
  });

  it('keeps the events each call asked for, with the handler built once per client', async () => {
    // Prepare
    const client = clientAnswering(200, { services: [serviceWithEvents('api', 100)], failures: [] });
    useTakeServices(client); // a second time: no duplicate middleware

    // Act
    const two = await client.send(describing(2));
    const seven = await client.send(describing(7));
    const unregistered = await client.send(new DescribeServicesCommand({ cluster: 'prod', services: ['api'] }));

    // Assess
    expect([two, seven, unregistered].map((o) => o.services?.[0]?.events?.length)).toEqual([2, 7, 5]);
    expect((client as unknown as { handlers?: WeakMap<object, unknown> }).handlers?.has(DescribeServicesCommand)).toBe(true);
  });

  it.each([
    ['{}', '{}'],
    ['services null', '{"services":null}'],
    ['services and failures empty', '{"services":[],"failures":[]}'],
  ])('passes a 200 answer without services on as one (%s): no verdict, nothing invented', async (_, body) => {
    // Prepare
    const client = clientAnswering(200, body);

    // Act
    const output = await client.send(describing(5));

    // Assess
    expect(output.services ?? []).toEqual([]);
    expect(output.failures ?? []).toEqual([]);
  });

  it('leaves error answers to the SDK, which still reads their code', async () => {
    // Prepare
    const client = clientAnswering(
      400,
      { __type: 'ThrottlingException', message: 'Rate exceeded' },
      { 'x-amzn-errortype': 'ThrottlingException' },
    );

    // Act
    const error = await client.send(describing(5)).catch((e: unknown) => e);

    // Assess
    expect((error as Error).name).toBe('ThrottlingException');
  });

  it('gives a body that is not JSON back to the SDK, which reports it', async () => {
    // Prepare
    const client = clientAnswering(200, '<html>proxy error</html>');

    // Act
    const error = await client.send(describing(5)).catch((e: unknown) => e);

    // Assess
    expect(error).toBeInstanceOf(Error);
  });
});
