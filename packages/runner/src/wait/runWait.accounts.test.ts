import { describe, expect, it } from 'vitest';
import { PAYMENTS, SEARCH, useOrganization } from '../__fixtures__/useOrganization.js';
import { createWaitCommand } from '../commands/wait.js';
import { fakeStream, ioWith, runCommand } from './__fixtures__/simulatorHarness.js';

const org = useOrganization({
  accounts: [
    { id: PAYMENTS, roles: [{ name: 'mona-read', externalId: 'ext-pay' }] },
    { id: SEARCH, roles: [{ name: 'mona-read' }] },
  ],
  stepMs: 500,
});

async function waitFor(flags: string[]) {
  const out = fakeStream();
  const err = fakeStream();
  const code = await runCommand(
    createWaitCommand(),
    ['--cluster', 'prod', '--region', 'eu-west-1', '--interval', '0.05', ...flags],
    ioWith(out, err),
  );
  return { code, out: out.text(), err: err.text() };
}

describe('mona wait --role-arn', () => {
  it('follows a deployment in another account through the role, not the same-named cluster of the own account', async () => {
    // Prepare: prod/api deploys in payments; the own account's prod has no api at all
    const sim = org().simulator(PAYMENTS, 'eu-west-1');
    sim.createService('api', { cluster: 'prod', desiredCount: 1 });
    const id = sim.deploy('prod/api', { image: 'api:2' });
    // The payments simulator runs on a fake clock: the rollout moves only once the wait has seen it start.
    const stepper = setInterval(() => {
      if ((org().calls(PAYMENTS, 'eu-west-1')['DescribeServices'] ?? 0) > 0) sim.advance(1_000);
    }, 50);
    // Act
    const result = await waitFor([
      '--service',
      'api',
      '--role-arn',
      org().roleArn(PAYMENTS, 'mona-read'),
      '--external-id',
      'ext-pay',
      '--timeout',
      '15s',
    ]).finally(() => clearInterval(stepper));
    // Assess
    expect(result.code, `${result.out}\n${result.err}`).toBe(0);
    expect(result.out).toContain(`api: deployment ${id} completed`);
    expect(org().sts.assumeRoleCalls.get(org().roleArn(PAYMENTS, 'mona-read'))).toBe(1);
  });

  it('times out naming the role when it cannot be assumed (a wrong external id)', async () => {
    // Prepare
    const sim = org().simulator(PAYMENTS, 'eu-west-1');
    sim.createService('api', { cluster: 'prod', desiredCount: 1 });
    sim.deploy('prod/api', { image: 'api:2' });
    // Act
    const result = await waitFor([
      '--service',
      'api',
      '--role-arn',
      org().roleArn(PAYMENTS, 'mona-read'),
      '--external-id',
      'wrong',
      '--timeout',
      '1s',
    ]);
    // Assess
    expect(result.code).toBe(3);
    expect(result.out + result.err).toContain('MONA_ASSUME_ROLE_FAILED');
    expect(org().calls(PAYMENTS, 'eu-west-1')['DescribeServices'] ?? 0).toBe(0);
  });

  it('rejects --external-id without --role-arn and a role that is not a role ARN', async () => {
    // Act
    const lonely = await waitFor(['--service', 'api', '--external-id', 'x']);
    const bad = await waitFor(['--service', 'api', '--role-arn', 'mona-read']);
    // Assess
    expect([lonely.code, bad.code]).toEqual([2, 2]);
    expect(lonely.err).toContain('--external-id needs --role-arn');
    expect(bad.err).toContain('is not a role ARN');
  });
});
