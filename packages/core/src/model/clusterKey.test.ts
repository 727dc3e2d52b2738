import { describe, expect, it } from 'vitest';
import { accountIdOfRoleArn, accountOf, clusterKey } from './clusterKey.js';

describe('clusterKey', () => {
  it('keeps the single-account key region/cluster for a ref without an account', () => {
    // Prepare / Act / Assess: state files and labels written before accounts read unchanged
    expect(clusterKey({ cluster: 'prod', region: 'eu-west-1' })).toBe('eu-west-1/prod');
  });

  it('makes two prod clusters in two accounts two keys', () => {
    // Prepare
    const a = { cluster: 'prod', region: 'eu-west-1', account: 'payments' };
    const b = { cluster: 'prod', region: 'eu-west-1', account: 'search' };
    // Act / Assess
    expect(clusterKey(a)).toBe('payments/eu-west-1/prod');
    expect(clusterKey(a)).not.toBe(clusterKey(b));
    expect(clusterKey(a)).not.toBe(clusterKey({ cluster: 'prod', region: 'eu-west-1' }));
  });
});

describe('accountOf', () => {
  it('leaves the fields out when there is no account', () => {
    expect(accountOf({})).toEqual({});
    expect('account' in accountOf({ account: '' })).toBe(false);
  });

  it('copies the label and the id when both are known', () => {
    expect(accountOf({ account: 'payments', accountId: '111111111111' })).toEqual({ account: 'payments', accountId: '111111111111' });
  });
});

describe('accountIdOfRoleArn', () => {
  it('reads the account id of a role ARN, in any partition', () => {
    expect(accountIdOfRoleArn('arn:aws:iam::111111111111:role/mona-read')).toBe('111111111111');
    expect(accountIdOfRoleArn('arn:aws-cn:iam::222222222222:role/path/mona-read')).toBe('222222222222');
  });

  it('returns undefined for text that is not a role ARN', () => {
    expect(accountIdOfRoleArn('arn:aws:iam::111111111111:user/alice')).toBeUndefined();
    expect(accountIdOfRoleArn('mona-read')).toBeUndefined();
  });
});
