import { DescribeServicesCommand, ListServicesCommand } from '@aws-sdk/client-ecs';
import type { ECSClient } from '@aws-sdk/client-ecs';
import { afterEach, describe, expect, it } from 'vitest';
import type { RateLimiter } from './RateLimiter.js';
import { arnOf, describeFrom, mockedEcs, sdkService } from './__fixtures__/ecsMock.js';
import { createEcsSource } from './createEcsSource.js';
import { sharedRateLimiter } from './sharedRateLimiter.js';

const { client, ecs } = mockedEcs();
afterEach(() => ecs.reset());

describe('createEcsSource: accounts', () => {
  it('asks for the client of each cluster by account and region', async () => {
    // Prepare
    ecs.on(ListServicesCommand).resolves({ serviceArns: [arnOf('api')] });
    ecs.on(DescribeServicesCommand).callsFake(describeFrom({ api: sdkService('api') }));
    const asked: string[] = [];
    const clientFor = (region: string, account?: string): ECSClient => {
      asked.push(`${account ?? '-'}|${region}`);
      return client;
    };
    const source = createEcsSource({ clientFor, rateLimit: { requestsPerSecond: 1000, burst: 1000 }, endpoint: 'accounts-test-1' });
    // Act
    await source.sweep({ cluster: 'prod', region: 'eu-west-1', account: 'payments' }, 0);
    await source.sweep({ cluster: 'prod', region: 'eu-west-1' }, 0);
    // Assess
    expect(asked).toEqual(['payments|eu-west-1', '-|eu-west-1']);
  });

  it('keeps two prod clusters of two accounts apart: each has its own listing', async () => {
    // Prepare: payments' prod runs api, search's prod runs web
    ecs.on(ListServicesCommand).callsFake(() => ({ serviceArns: [arnOf(listing.shift() ?? 'none')] }));
    const listing = ['api', 'web'];
    ecs.on(DescribeServicesCommand).callsFake(describeFrom({ api: sdkService('api'), web: sdkService('web') }));
    const source = createEcsSource({ client, rateLimit: { requestsPerSecond: 1000, burst: 1000 }, endpoint: 'accounts-test-2' });
    // Act
    const a = await source.sweep({ cluster: 'prod', region: 'eu-west-1', account: 'payments' }, 0);
    const b = await source.sweep({ cluster: 'prod', region: 'eu-west-1', account: 'search' }, 0);
    const a2 = await source.sweep({ cluster: 'prod', region: 'eu-west-1', account: 'payments' }, 1);
    // Assess: the second sweep of payments describes api again (its own memory), not web
    const names = (o: typeof a) => (o.kind === 'snapshot' ? o.services.map((s) => s.name) : []);
    expect([names(a), names(b), names(a2)]).toEqual([['api'], ['web'], ['api']]);
  });
});

describe('sharedRateLimiter', () => {
  it('keeps one bucket per account and region', () => {
    // Act
    const own: RateLimiter = sharedRateLimiter('eu-west-1', 'accounts-test-3');
    // Assess
    expect(sharedRateLimiter('eu-west-1', 'accounts-test-3')).toBe(own);
    expect(sharedRateLimiter('eu-west-1', 'accounts-test-3', undefined, 'payments')).not.toBe(own);
    expect(sharedRateLimiter('eu-west-1', 'accounts-test-3', undefined, 'payments')).toBe(
      sharedRateLimiter('eu-west-1', 'accounts-test-3', undefined, 'payments'),
    );
    expect(sharedRateLimiter('us-east-1', 'accounts-test-3', undefined, 'payments')).not.toBe(
      sharedRateLimiter('eu-west-1', 'accounts-test-3', undefined, 'payments'),
    );
  });
});
