import { describe, expect, it } from 'vitest';
import { watchedClusters } from './watchedClusters.js';

describe('watchedClusters', () => {
  it("tells two accounts' prod clusters apart by the event's account id", () => {
    // Prepare
    const payments = { cluster: 'prod', region: 'eu-west-1', account: 'payments', accountId: '111111111111' };
    const search = { cluster: 'prod', region: 'eu-west-1', account: 'search', accountId: '222222222222' };
    const find = watchedClusters([payments, search]);
    // Act / Assess
    expect(find('prod', 'eu-west-1', '111111111111')).toBe(payments);
    expect(find('prod', 'eu-west-1', '222222222222')).toBe(search);
    expect(find('prod', 'eu-west-1', '333333333333')).toBeUndefined();
    expect(find('prod', 'us-east-1', '111111111111')).toBeUndefined();
  });

  it('matches a single-account cluster, whose account id is unknown, from any account', () => {
    // Prepare
    const prod = { cluster: 'prod', region: 'eu-west-1' };
    const find = watchedClusters([prod]);
    // Act / Assess
    expect(find('prod', 'eu-west-1', '111111111111')).toBe(prod);
    expect(find('web', 'eu-west-1', '111111111111')).toBeUndefined();
  });
});
