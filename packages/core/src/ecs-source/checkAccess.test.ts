import { describe, expect, it } from 'vitest';
import { useLocalAws } from './__fixtures__/localAws.js';
import { checkAccess } from './checkAccess.js';

const ROLE = 'arn:aws:iam::111111111111:role/mona-read';

describe('checkAccess', () => {
  const aws = useLocalAws();

  it('assumes each role once, tries each cluster once and reports every step', async () => {
    // Prepare: two clusters behind one role, one in the own account
    const refs = [
      { cluster: 'prod', region: 'eu-west-1', account: 'payments', roleArn: ROLE },
      { cluster: 'jobs', region: 'eu-west-1', account: 'payments', roleArn: ROLE },
      { cluster: 'local', region: 'eu-west-1' },
    ];
    // Act
    const checks = await checkAccess(refs, { endpoint: aws().url, stsEndpoint: aws().url });
    // Assess
    expect(aws().assumeRoles).toHaveLength(1);
    expect(aws().ecsKeys).toHaveLength(3);
    expect(checks.map((c) => [c.ref.cluster, c.identity.ok && c.identity.detail, c.ecs.ok])).toEqual([
      ['local', 'arn:aws:iam::000000000000:user/mona', true],
      ['jobs', 'arn:aws:sts::111111111111:assumed-role/mona-read/mona', true],
      ['prod', 'arn:aws:sts::111111111111:assumed-role/mona-read/mona', true],
    ]);
  });

  it('reports a role that cannot be assumed with its code and skips its clusters, checking the others', async () => {
    // Prepare
    aws().deny = true;
    const refs = [
      { cluster: 'prod', region: 'eu-west-1', account: 'payments', roleArn: ROLE },
      { cluster: 'local', region: 'eu-west-1' },
    ];
    // Act
    const checks = await checkAccess(refs, { endpoint: aws().url, stsEndpoint: aws().url });
    // Assess
    const prod = checks.find((c) => c.ref.cluster === 'prod');
    expect(prod?.identity).toMatchObject({ ok: false, code: 'MONA_ASSUME_ROLE_FAILED' });
    expect(prod?.ecs).toMatchObject({ ok: false, code: 'SKIPPED' });
    expect(checks.find((c) => c.ref.cluster === 'local')?.ecs.ok).toBe(true);
    expect(aws().ecsKeys).toEqual(['AKIAMONA']);
  });
});
