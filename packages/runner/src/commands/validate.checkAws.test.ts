import { beforeEach, describe, expect, it } from 'vitest';
import { PAYMENTS, SEARCH, useOrganization } from '../__fixtures__/useOrganization.js';
import { captureIo, writeConfig } from '../__fixtures__/testIo.js';
import { validate } from './validate.js';

const org = useOrganization({
  accounts: [
    { id: PAYMENTS, roles: [{ name: 'mona-read', externalId: 'ext-pay' }] },
    { id: SEARCH, roles: [{ name: 'mona-read', assumable: false }] },
  ],
});
beforeEach(() => {
  org().simulator(PAYMENTS, 'eu-west-1').createService('api', { cluster: 'prod' });
  org().simulator(PAYMENTS, 'us-east-1').createService('jobs', { cluster: 'batch' });
  org().simulator(SEARCH, 'eu-west-1').createService('web', { cluster: 'prod' });
});

function configWith(clusters: unknown[]): string {
  return writeConfig({ AWSRegion: 'eu-west-1', clusters });
}

describe('mona validate --check-aws', () => {
  it('prints a table of every cluster reachable and exits 0', async () => {
    // Prepare
    const path = configWith([
      { name: 'prod', roleArn: org().roleArn(PAYMENTS, 'mona-read'), externalId: 'ext-pay', account: 'payments' },
      { name: 'batch', region: 'us-east-1', roleArn: org().roleArn(PAYMENTS, 'mona-read'), externalId: 'ext-pay', account: 'payments' },
    ]);
    const io = captureIo();
    // Act
    const code = await validate.run({ config: path, 'check-aws': true }, [], io);
    // Assess
    expect(code).toBe(0);
    expect(io.out()).toMatch(/ACCOUNT\s+REGION\s+CLUSTER\s+ROLE\s+IDENTITY\s+ECS/);
    expect(io.out()).toMatch(/payments\s+eu-west-1\s+prod\s+arn:aws:iam::111111111111:role\/mona-read\s+ok\s+ok/);
    expect(io.out()).toMatch(/payments\s+us-east-1\s+batch\s+\S+\s+ok\s+ok/);
    expect(io.out()).toContain('2 of 2 clusters reachable');
  });

  it('names the role that cannot be assumed, the cluster that is not there, and exits 1', async () => {
    // Prepare: search's role is locked; payments has no cluster "gone"
    const path = configWith([
      { name: 'prod', roleArn: org().roleArn(PAYMENTS, 'mona-read'), externalId: 'ext-pay', account: 'payments' },
      { name: 'gone', roleArn: org().roleArn(PAYMENTS, 'mona-read'), externalId: 'ext-pay', account: 'payments' },
      { name: 'prod', roleArn: org().roleArn(SEARCH, 'mona-read'), account: 'search' },
    ]);
    const io = captureIo();
    // Act
    const code = await validate.run({ config: path, 'check-aws': true }, [], io);
    // Assess
    expect(code).toBe(1);
    expect(io.out()).toMatch(/search\s+eu-west-1\s+prod\s+\S+\s+MONA_ASSUME_ROLE_FAILED\s+SKIPPED/);
    expect(io.out()).toMatch(/payments\s+eu-west-1\s+gone\s+\S+\s+ok\s+ClusterNotFoundException/);
    expect(io.out()).toContain('1 of 3 clusters reachable');
    expect(io.out()).toContain(`cannot assume role ${org().roleArn(SEARCH, 'mona-read')}`);
    expect(org().sts.assumeRoleCalls.get(org().roleArn(PAYMENTS, 'mona-read'))).toBe(1);
  });

  it('calls no AWS API without --check-aws', async () => {
    // Prepare
    const path = configWith([{ name: 'prod', roleArn: org().roleArn(SEARCH, 'mona-read') }]);
    // Act
    const code = await validate.run({ config: path }, [], captureIo());
    // Assess
    expect(code).toBe(0);
    expect(org().sts.assumeRoleCalls.size).toBe(0);
  });
});
