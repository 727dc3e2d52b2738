import { CloudTrailClient, LookupEventsCommand } from '@aws-sdk/client-cloudtrail';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { DEPLOYER_MAX_PAGES, lookupDeployer } from './lookupDeployer.js';

const trail = mockClient(CloudTrailClient);
const CREATED = Date.parse('2025-01-10T11:58:00.000Z');
const query = { cluster: 'prod', service: 'api', createdAt: CREATED };

function record(body: object): { CloudTrailEvent: string } {
  return { CloudTrailEvent: JSON.stringify({ eventTime: new Date(CREATED).toISOString(), ...body }) };
}

describe('lookupDeployer', () => {
  beforeEach(() => trail.reset());

  it('falls back to CreateService and builds the principal from the session issuer', async () => {
    // Prepare
    const limiter = { calls: 0, acquire: () => ((limiter.calls += 1), Promise.resolve()) };
    trail
      .on(LookupEventsCommand, { LookupAttributes: [{ AttributeKey: 'EventName', AttributeValue: 'UpdateService' }] })
      .resolves({ Events: [] });
    trail.on(LookupEventsCommand, { LookupAttributes: [{ AttributeKey: 'EventName', AttributeValue: 'CreateService' }] }).resolves({
      Events: [
        { CloudTrailEvent: '{not json' },
        record({
          userIdentity: {
            principalId: 'AROAEXAMPLE:github-actions',
            sessionContext: { sessionIssuer: { arn: 'arn:aws:iam::123456789012:role/ci' } },
          },
          requestParameters: { cluster: 'arn:aws:ecs:eu-west-1:123456789012:cluster/prod', serviceName: 'api' },
        }),
      ],
    });
    // Act
    const principal = await lookupDeployer(new CloudTrailClient({ region: 'eu-west-1' }), limiter, query, new AbortController().signal);
    // Assess
    expect(principal).toBe('arn:aws:iam::123456789012:role/ci/github-actions');
    expect(limiter.calls).toBe(2);
  });

  it('ignores calls for the same service name in another cluster', async () => {
    // Prepare
    trail.on(LookupEventsCommand).resolves({
      Events: [record({ userIdentity: { arn: 'arn:aws:iam::1:user/bob' }, requestParameters: { service: 'api' } })],
    });
    // Act: no cluster parameter means the `default` cluster
    const principal = await lookupDeployer(
      new CloudTrailClient({ region: 'eu-west-1' }),
      { acquire: () => Promise.resolve() },
      query,
      new AbortController().signal,
    );
    // Assess
    expect(principal).toBeUndefined();
  });

  it('reads further pages when other services fill the first one, and stops at a bounded count', async () => {
    // Prepare: page 1 holds only another service's call, page 2 has ours
    const other = record({ userIdentity: { arn: 'arn:aws:iam::1:user/bob' }, requestParameters: { cluster: 'prod', service: 'web' } });
    const ours = record({ userIdentity: { arn: 'arn:aws:iam::1:user/jane' }, requestParameters: { cluster: 'prod', service: 'api' } });
    trail.on(LookupEventsCommand).resolves({ Events: [other], NextToken: 'again' });
    trail.on(LookupEventsCommand, { NextToken: 'page-2' }).resolves({ Events: [ours] });
    trail.on(LookupEventsCommand, { NextToken: undefined }).resolves({ Events: [other], NextToken: 'page-2' });
    const limiter = { calls: 0, acquire: () => ((limiter.calls += 1), Promise.resolve()) };
    // Act
    const principal = await lookupDeployer(new CloudTrailClient({ region: 'eu-west-1' }), limiter, query, new AbortController().signal);
    // Assess
    expect(principal).toBe('arn:aws:iam::1:user/jane');
    expect(limiter.calls).toBe(2);
  });

  it('gives up after DEPLOYER_MAX_PAGES pages per event name when the service never shows', async () => {
    // Prepare
    const other = record({ userIdentity: { arn: 'arn:aws:iam::1:user/bob' }, requestParameters: { cluster: 'prod', service: 'web' } });
    trail.on(LookupEventsCommand).resolves({ Events: [other], NextToken: 'more' });
    const limiter = { calls: 0, acquire: () => ((limiter.calls += 1), Promise.resolve()) };
    // Act
    const principal = await lookupDeployer(new CloudTrailClient({ region: 'eu-west-1' }), limiter, query, new AbortController().signal);
    // Assess
    expect(principal).toBeUndefined();
    expect(limiter.calls).toBe(2 * DEPLOYER_MAX_PAGES);
  });
});
