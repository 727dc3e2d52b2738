import { DescribeServicesCommand, ECSClient } from '@aws-sdk/client-ecs';
import type { ECSClientConfig } from '@aws-sdk/client-ecs';
import { describe, expect, it } from 'vitest';
import { TRIM_SERVICE_EVENTS_OPTIONS, trimServiceEvents, trimmed } from './trimServiceEvents.js';

const encode = (value: unknown): Uint8Array => new TextEncoder().encode(JSON.stringify(value));
const decode = (bytes: Uint8Array): unknown => JSON.parse(new TextDecoder().decode(bytes));

function serviceWithEvents(name: string, count: number): Record<string, unknown> {
  const events = Array.from({ length: count }, (_, i) => ({ id: `${name}-e${i}`, createdAt: 1_700_000_000 - i, message: `(service ${name}) event ${i}` }));
  return { serviceName: name, serviceArn: `arn:aws:ecs:eu-west-1:123456789012:service/prod/${name}`, status: 'ACTIVE', desiredCount: 2, events };
}

/** A client whose "network" answers every request with `status` and `body`, so the real SDK deserializer runs. */
function clientAnswering(status: number, body: unknown, headers: Record<string, string> = {}): ECSClient {
  const bytes = encode(body);
  return new ECSClient({
    region: 'eu-west-1',
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
    maxAttempts: 1,
    requestHandler: {
      handle: async () => ({
        response: { statusCode: status, reason: '', headers: { 'content-type': 'application/x-amz-json-1.1', ...headers }, body: bytes },
      }),
    },
  } as ECSClientConfig); // the handler has only what the SDK calls; the full HttpHandler type asks for more
}

function trimmingCommand(max: number): DescribeServicesCommand {
  const command = new DescribeServicesCommand({ cluster: 'prod', services: ['api', 'web'] });
  command.middlewareStack.add(trimServiceEvents(max), TRIM_SERVICE_EVENTS_OPTIONS);
  return command;
}

describe('trimmed', () => {
  it('keeps only the newest events of each service and every other field', () => {
    // Prepare
    const body = { services: [serviceWithEvents('api', 100), serviceWithEvents('web', 3)], failures: [{ arn: 'x', reason: 'MISSING' }] };

    // Act
    const out = decode(trimmed(encode(body), 5)) as { services: Array<{ serviceName: string; events: Array<{ id: string }> }>; failures: unknown[] };

    // Assess
    expect(out.services.map((s) => s.events.map((e) => e.id))).toEqual([
      ['api-e0', 'api-e1', 'api-e2', 'api-e3', 'api-e4'],
      ['web-e0', 'web-e1', 'web-e2'],
    ]);
    expect(out.services[0]?.serviceName).toBe('api');
    expect(out.failures).toEqual([{ arn: 'x', reason: 'MISSING' }]);
  });

  it('drops the service fields the source never reads', () => {
    // Prepare
    const service = { ...serviceWithEvents('api', 1), loadBalancers: [{ targetGroupArn: 'tg' }], tags: [{ key: 'team', value: 'a' }], deployments: [{ id: 'ecs-svc/1', rolloutState: 'COMPLETED' }] };

    // Act
    const out = decode(trimmed(encode({ services: [service] }), 5)) as { services: Array<Record<string, unknown>> };

    // Assess
    expect(Object.keys(out.services[0] ?? {}).sort()).toEqual(['deployments', 'desiredCount', 'events', 'serviceArn', 'serviceName', 'status']);
    expect(out.services[0]?.['deployments']).toEqual([{ id: 'ecs-svc/1', rolloutState: 'COMPLETED' }]);
  });

  it('returns the same bytes when the body is not a DescribeServices answer', () => {
    // Prepare
    const other = encode({ serviceArns: ['a'] });
    const garbage = new TextEncoder().encode('<html>');

    // Act / Assess
    expect(trimmed(other, 5)).toBe(other);
    expect(trimmed(garbage, 5)).toBe(garbage);
  });
});

describe('trimServiceEvents', () => {
  it('hands the SDK deserializer at most max events per service', async () => {
    // Prepare
    const client = clientAnswering(200, { services: [serviceWithEvents('api', 100), serviceWithEvents('web', 100)], failures: [] });

    // Act
    const output = await client.send(trimmingCommand(5));

    // Assess
    expect(output.services?.map((s) => s.events?.length)).toEqual([5, 5]);
    expect(output.services?.[0]?.events?.[0]?.id).toBe('api-e0');
    expect(output.services?.[0]?.events?.[0]?.createdAt).toBeInstanceOf(Date);
    expect(output.services?.[1]?.desiredCount).toBe(2);
  });

  it('leaves error answers to the SDK, which still reads their code', async () => {
    // Prepare
    const client = clientAnswering(400, { __type: 'ThrottlingException', message: 'Rate exceeded' }, { 'x-amzn-errortype': 'ThrottlingException' });

    // Act
    const error = await client.send(trimmingCommand(5)).catch((e: unknown) => e);

    // Assess
    expect((error as Error).name).toBe('ThrottlingException');
  });
});
