import { describe, expect, it } from 'vitest';
import { cloudTrailCache } from './createEnrichment.js';

describe('cloudTrailCache', () => {
  it('makes one CloudTrail client per region with a single attempt, so only core paces LookupEvents', async () => {
    // Prepare
    const clientFor = cloudTrailCache();
    // Act
    const first = clientFor('eu-west-1');
    const again = clientFor('eu-west-1');
    const attempts = await first.config.maxAttempts();
    // Assess
    expect(again).toBe(first);
    expect(attempts).toBe(1);
    expect(await first.config.region()).toBe('eu-west-1');
  });
});
