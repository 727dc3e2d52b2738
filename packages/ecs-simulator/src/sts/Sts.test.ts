import { describe, expect, it } from 'vitest';
import { AwsApiError } from '../errors.js';
import { Sts } from './Sts.js';
import { accessKeyOf, signedRegionOf } from './stsApi.js';

const ROLE = 'arn:aws:iam::111111111111:role/mona-read';

describe('Sts', () => {
  it('issues credentials of the role account that expire after the lifetime', () => {
    // Prepare
    let now = 1_000;
    const sts = new Sts({ lifetimeMs: 500, now: () => now });
    sts.addRole(ROLE);
    // Act
    const issued = sts.assumeRole(sts.callerOf('AKIAHOME'), { RoleArn: ROLE, RoleSessionName: 'mona' });
    const during = sts.callerOf(issued.accessKeyId);
    now = 1_500;
    // Assess
    expect(issued.expiresAt).toBe(1_500);
    expect(during.accountId).toBe('111111111111');
    expect(() => sts.callerOf(issued.accessKeyId)).toThrow(expect.objectContaining({ type: 'ExpiredTokenException' }) as Error);
  });

  it('rejects a role name that is not a role ARN', () => {
    expect(() => new Sts().addRole('mona-read')).toThrow(AwsApiError);
  });

  it('accepts only the listed long-term keys when given', () => {
    // Prepare
    const sts = new Sts({ homeAccessKeyIds: ['AKIAMONA'], homeAccountId: '999999999999' });
    // Act / Assess
    expect(sts.callerOf('AKIAMONA').accountId).toBe('999999999999');
    expect(() => sts.callerOf('AKIAOTHER')).toThrow(expect.objectContaining({ type: 'UnrecognizedClientException' }) as Error);
    expect(() => sts.callerOf(undefined)).toThrow(expect.objectContaining({ type: 'MissingAuthenticationTokenException' }) as Error);
  });
});

describe('SigV4 header parts', () => {
  it('reads the access key id and the region of the credential scope', () => {
    const header = 'AWS4-HMAC-SHA256 Credential=ASIASIM000000000001/20261201/eu-west-1/ecs/aws4_request, SignedHeaders=host, Signature=ab';
    expect(accessKeyOf(header)).toBe('ASIASIM000000000001');
    expect(signedRegionOf(header)).toBe('eu-west-1');
    expect(accessKeyOf(undefined)).toBeUndefined();
  });
});
