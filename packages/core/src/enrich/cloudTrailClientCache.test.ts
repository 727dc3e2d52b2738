import { describe, expect, it } from 'vitest';
import { cloudTrailClientCache } from './cloudTrailClientCache.js';

describe('cloudTrailClientCache', () => {
  it('makes one CloudTrail client per region with a single attempt, so only core paces LookupEvents', async () => {
    // Prepare
    const clientFor = cloudTrailClientCache();
    // Act
    const first = await clientFor('eu-west-1');
    const again = await clientFor('eu-west-1');
    const attempts = await first.config.maxAttempts();
    // Assess
    expect(again).toBe(first);
    expect(attempts).toBe(1);
    expect(await first.config.region()).toBe('eu-west-1');
    first.destroy();
  });

  it('gives its clients the connection and request timeouts', async () => {
    // Prepare
    const clientFor = cloudTrailClientCache({ connectTimeoutMs: 1_234, requestTimeoutMs: 5_678 });
    // Act
    const client = await clientFor('us-east-1');
    // The SDK's NodeHttpHandler resolves its options on first use; read them as it will.
    const handler = client.config.requestHandler as unknown as { configProvider: Promise<Record<string, unknown>> };
    // Assess
    expect(await handler.configProvider).toMatchObject({ connectionTimeout: 1_234, requestTimeout: 5_678 });
    client.destroy();
  });
});
