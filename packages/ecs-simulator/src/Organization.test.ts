import { ECSClient, ListClustersCommand, ListServicesCommand } from '@aws-sdk/client-ecs';
import { AssumeRoleCommand, GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startOrganization } from './Organization.js';
import type { Organization } from './Organization.js';

const A = '111111111111';
const B = '222222222222';
const HOME = { accessKeyId: 'AKIAMONAHOME', secretAccessKey: 'x' };

describe('Organization', () => {
  let org: Organization;
  beforeEach(async () => {
    org = await startOrganization({
      accounts: [
        { id: A, roles: [{ name: 'mona-read', externalId: 'ext-a' }] },
        { id: B, roles: [{ name: 'mona-read' }, { name: 'locked', assumable: false }] },
      ],
      homeAccessKeyIds: [HOME.accessKeyId],
    });
    org.simulator(A, 'eu-west-1').createService('api', { cluster: 'prod' });
    org.simulator(B, 'eu-west-1').createService('web', { cluster: 'prod' });
    org.simulator(B, 'us-east-1').createService('jobs', { cluster: 'batch' });
  });
  afterEach(() => org.close());

  const sts = () => new STSClient({ region: 'eu-west-1', endpoint: org.url, credentials: HOME });
  async function assume(roleArn: string, externalId?: string) {
    const { Credentials } = await sts().send(
      new AssumeRoleCommand({ RoleArn: roleArn, RoleSessionName: 'mona', ...(externalId ? { ExternalId: externalId } : {}) }),
    );
    return {
      accessKeyId: Credentials?.AccessKeyId ?? '',
      secretAccessKey: Credentials?.SecretAccessKey ?? '',
      sessionToken: Credentials?.SessionToken ?? '',
    };
  }
  const ecs = (region: string, credentials: { accessKeyId: string; secretAccessKey: string; sessionToken?: string }) =>
    new ECSClient({ region, endpoint: org.url, credentials, maxAttempts: 1 });

  it('answers GetCallerIdentity with the home account for long-term keys and the role account for assumed ones', async () => {
    // Act
    const home = await sts().send(new GetCallerIdentityCommand({}));
    const creds = await assume(org.roleArn(A, 'mona-read'), 'ext-a');
    const assumed = await new STSClient({ region: 'eu-west-1', endpoint: org.url, credentials: creds }).send(
      new GetCallerIdentityCommand({}),
    );
    // Assess
    expect(home.Account).toBe('000000000000');
    expect(assumed.Account).toBe(A);
    expect(assumed.Arn).toBe(`arn:aws:sts::${A}:assumed-role/mona-read/mona`);
  });

  it('shows a call signed for account A only the clusters of A, in the signed region', async () => {
    // Prepare
    const a = await assume(org.roleArn(A, 'mona-read'), 'ext-a');
    const b = await assume(org.roleArn(B, 'mona-read'));
    // Act
    const aServices = await ecs('eu-west-1', a).send(new ListServicesCommand({ cluster: 'prod' }));
    const bServices = await ecs('eu-west-1', b).send(new ListServicesCommand({ cluster: 'prod' }));
    const bUs = await ecs('us-east-1', b).send(new ListClustersCommand({}));
    const aBatch = await ecs('us-east-1', a)
      .send(new ListServicesCommand({ cluster: 'batch' }))
      .catch((e: Error) => e.name);
    // Assess
    expect(aServices.serviceArns).toEqual([`arn:aws:ecs:eu-west-1:${A}:service/prod/api`]);
    expect(bServices.serviceArns).toEqual([`arn:aws:ecs:eu-west-1:${B}:service/prod/web`]);
    expect(bUs.clusterArns).toContain(`arn:aws:ecs:us-east-1:${B}:cluster/batch`);
    expect(aBatch).toBe('ClusterNotFoundException');
  });

  it('refuses AssumeRole with AccessDenied for a wrong external id and for an unassumable role', async () => {
    // Act
    const wrongId = await assume(org.roleArn(A, 'mona-read'), 'wrong').catch((e: Error) => e);
    const missingId = await assume(org.roleArn(A, 'mona-read')).catch((e: Error) => e);
    const locked = await assume(org.roleArn(B, 'locked')).catch((e: Error) => e);
    org.sts.setAssumable(org.roleArn(B, 'mona-read'), false);
    const madeLocked = await assume(org.roleArn(B, 'mona-read')).catch((e: Error) => e);
    // Assess
    for (const error of [wrongId, missingId, locked, madeLocked]) {
      expect(error).toBeInstanceOf(Error);
      expect((error as Error).name).toBe('AccessDenied');
    }
    expect((locked as Error).message).toContain(`on resource: ${org.roleArn(B, 'locked')}`);
    expect(org.sts.assumeRoleCalls.get(org.roleArn(A, 'mona-read'))).toBe(2);
  });

  it('refuses ECS calls with unknown credentials as ECS does', async () => {
    // Act
    const forged = await ecs('eu-west-1', { accessKeyId: 'ASIANEVERISSUED', secretAccessKey: 'x', sessionToken: 't' })
      .send(new ListClustersCommand({}))
      .catch((e: Error) => e.name);
    const stranger = await ecs('eu-west-1', { accessKeyId: 'AKIASTRANGER', secretAccessKey: 'x' })
      .send(new ListClustersCommand({}))
      .catch((e: Error) => e.name);
    // Assess
    expect([forged, stranger]).toEqual(['UnrecognizedClientException', 'UnrecognizedClientException']);
    expect(org.refused['UnrecognizedClientException']).toBe(2);
  });

  it('refuses a call signed with expired credentials with ExpiredTokenException', async () => {
    // Prepare: credentials that live 1 ms
    org.sts.lifetimeMs = 1;
    const creds = await assume(org.roleArn(B, 'mona-read'));
    await new Promise((resolve) => setTimeout(resolve, 5));
    // Act
    const error = await ecs('eu-west-1', creds)
      .send(new ListClustersCommand({}))
      .catch((e: Error) => e.name);
    // Assess
    expect(error).toBe('ExpiredTokenException');
    expect(org.sts.expiredCalls).toBe(1);
  });
});
