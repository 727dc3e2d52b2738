import { describe, expect, it } from 'vitest';
import { createEcsClient, ecsClientCache } from './createEcsClient.js';

describe('createEcsClient', () => {
  it('uses standard retries (pacing is the shared adaptive limiter) and the explicit region and endpoint', async () => {
    // Act
    const client = createEcsClient('eu-west-1', { endpoint: 'http://127.0.0.1:4566' });
    // Assess
    const strategy = await client.config.retryStrategy();
    const endpoint = await client.config.endpoint?.();
    expect((strategy as { mode?: string }).mode).toBe('standard');
    expect(await client.config.region()).toBe('eu-west-1');
    expect(endpoint?.hostname).toBe('127.0.0.1');
    expect(endpoint?.port).toBe(4566);
    client.destroy();
  });

  it('leaves the endpoint to the SDK configuration when none is given', () => {
    // Act
    const client = createEcsClient('eu-west-1');
    // Assess
    expect(client.config.endpoint).toBeUndefined();
    client.destroy();
  });
});

describe('ecsClientCache', () => {
  it('builds one client per region and reuses it', async () => {
    // Prepare
    const clientFor = ecsClientCache();
    // Act
    const a = clientFor('eu-west-1');
    const b = clientFor('eu-west-1');
    const c = clientFor('us-east-1');
    // Assess
    expect(a).toBe(b);
    expect(a).not.toBe(c);
    expect(await c.config.region()).toBe('us-east-1');
    a.destroy();
    c.destroy();
  });
});
