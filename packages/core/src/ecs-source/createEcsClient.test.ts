import { createServer } from 'node:http';
import type { Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setFlagsFromString } from 'node:v8';
import { DescribeServicesCommand, ECSClient, ListServicesCommand } from '@aws-sdk/client-ecs';
import { afterEach, describe, expect, it } from 'vitest';
import { startLocalAws } from './__fixtures__/localAws.js';
import { createEcsClient, ecsClientCache, prepareEcsClient } from './createEcsClient.js';

describe('createEcsClient', () => {
  it('uses standard retries (pacing is the shared adaptive limiter) and the explicit region and endpoint', async () => {
    // Act
    const client = createEcsClient('eu-west-1', { endpoint: 'http://127.0.0.1:4566' });
    // Assess
    const strategy = await client.config.retryStrategy();
    const endpoint = await client.config.endpoint?.();
    expect((strategy as { mode?: string }).mode).toBe('standard');
    expect(await client.config.region()).toBe('eu-west-1');
    expect(endpoint?.hostname).toBe('127.0.0.1');
    expect(endpoint?.port).toBe(4566);
    client.destroy();
  });

  it('holds its config in fast properties, which the SDK copies on every call', async () => {
    // Prepare
    const hasFastProperties = v8HasFastProperties();
    // Act
    const client = createEcsClient('eu-west-1', { endpoint: 'http://127.0.0.1:4566' });
    // Assess: fast, and the config is the SDK's own, still resolved as before.
    expect(hasFastProperties(client.config)).toBe(true);
    expect(await client.config.region()).toBe('eu-west-1');
    expect(Object.keys(client.config)).toEqual(expect.arrayContaining(['retryStrategy', 'credentials', 'protocol']));
    client.destroy();
  });

  it('leaves the endpoint to the SDK configuration when none is given', () => {
    // Act
    const client = createEcsClient('eu-west-1');
    // Assess
    expect(client.config.endpoint).toBeUndefined();
    client.destroy();
  });
});

describe('prepareEcsClient', () => {
  it('readies a client built elsewhere as createEcsClient does, once', () => {
    // Prepare: a client the source was given, as the SDK builds it (its config a dictionary)
    const hasFastProperties = v8HasFastProperties();
    const client = new ECSClient({ region: 'eu-west-1', endpoint: 'http://127.0.0.1:4566' });
    const before = hasFastProperties(client.config);
    // Act
    prepareEcsClient(client);
    prepareEcsClient(client);
    // Assess
    expect(before).toBe(false);
    expect(hasFastProperties(client.config)).toBe(true);
    const names = (client.middlewareStack as unknown as { identify(): string[] }).identify();
    expect(names.filter((n) => n.startsWith('monaTakeServices'))).toHaveLength(1);
    client.destroy();
  });
});

/** V8's own check, allowed at run time for these tests only (it changes no behaviour). */
function v8HasFastProperties(): (o: object) => boolean {
  setFlagsFromString('--allow-natives-syntax');
  return new Function('o', 'return %HasFastProperties(o)') as (o: object) => boolean;
}

describe('ecsClientCache', () => {
  it('builds one client per region and reuses it', async () => {
    // Prepare
    const clientFor = ecsClientCache();
    // Act
    const a = clientFor('eu-west-1');
    const b = clientFor('eu-west-1');
    const c = clientFor('us-east-1');
    // Assess
    expect(a).toBe(b);
    expect(a).not.toBe(c);
    expect(await c.config.region()).toBe('us-east-1');
    a.destroy();
    c.destroy();
  });
});

describe('ecsClientCache with accounts', () => {
  const roles = [
    { account: 'payments', roleArn: 'arn:aws:iam::111111111111:role/mona-read' },
    { account: 'search', roleArn: 'arn:aws:iam::222222222222:role/mona-read', externalId: 'x' },
  ];

  it('builds one client per account and region, shared by every cluster there', () => {
    // Prepare
    const clientFor = ecsClientCache({}, roles);
    // Act
    const paymentsEu = clientFor('eu-west-1', 'payments');
    // Assess
    expect(clientFor('eu-west-1', 'payments')).toBe(paymentsEu);
    expect(clientFor('eu-west-1', 'search')).not.toBe(paymentsEu);
    expect(clientFor('us-east-1', 'payments')).not.toBe(paymentsEu);
    expect(clientFor('eu-west-1')).not.toBe(paymentsEu);
  });

  it('signs the calls of a role-backed account with the role, and the own account with the SDK chain', async () => {
    // Prepare: a local STS + ECS; Mona's own key in the environment
    const aws = await startLocalAws();
    const saved = { ...process.env };
    process.env['AWS_ACCESS_KEY_ID'] = 'AKIAMONA';
    process.env['AWS_SECRET_ACCESS_KEY'] = 'not-a-secret';
    try {
      const clientFor = ecsClientCache({ endpoint: aws.url, stsEndpoint: aws.url });
      // Act: the source names the role once; the enricher then asks by account alone
      await clientFor('eu-west-1', 'payments', roles[0]).send(new ListServicesCommand({ cluster: 'prod' }));
      await clientFor('eu-west-1', 'payments').send(new ListServicesCommand({ cluster: 'prod' }));
      await clientFor('eu-west-1').send(new ListServicesCommand({ cluster: 'prod' }));
      // Assess
      expect(aws.ecsKeys).toEqual(['ASIATEST1', 'ASIATEST1', 'AKIAMONA']);
      expect(aws.assumeRoles.map((p) => p['RoleArn'])).toEqual([roles[0]?.roleArn]);
    } finally {
      process.env = saved;
      await aws.close();
    }
  });
});

describe('createEcsClient timeouts', () => {
  let server: Server | undefined;
  afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

  it('gives up on a DescribeServices that never answers after the request timeout, each attempt', async () => {
    // Prepare: a server on 127.0.0.1 that reads the request and never answers
    const hung: ServerResponse[] = [];
    server = createServer((_req, res) => hung.push(res));
    await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const client = createEcsClient('eu-west-1', { endpoint: `http://127.0.0.1:${port}`, requestTimeoutMs: 150 });
    client.config.credentials = async () => ({ accessKeyId: 'test', secretAccessKey: 'test' });
    const startedAt = Date.now();
    // Act
    const error = await client.send(new DescribeServicesCommand({ cluster: 'prod', services: ['api'] })).catch((e: unknown) => e);
    // Assess: 3 attempts of 150 ms plus the SDK's backoff, far from "for ever"
    expect((error as Error).name).toBe('TimeoutError');
    expect(hung.length).toBe(3);
    expect(Date.now() - startedAt).toBeLessThan(10_000);
    for (const res of hung) res.destroy();
    client.destroy();
  });
});
