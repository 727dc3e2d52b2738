import { DescribeServicesCommand, ListServicesCommand } from '@aws-sdk/client-ecs';
import { describe, expect, it } from 'vitest';
import { CLUSTER, freeLimiter, mockedEcs } from './__fixtures__/ecsMock.js';
import { classifyAwsError } from './classifyAwsError.js';
import { createEcsSource } from './createEcsSource.js';

/** What the SDK's default chain throws when it finds nothing (its `name` is what matters). */
function noCredentials(): Error {
  return Object.assign(new Error('Could not load credentials from any providers'), { name: 'CredentialsProviderError' });
}

describe('classifyAwsError', () => {
  it('turns "no credentials" into MONA_AWS_NO_CREDENTIALS naming the credential chain and the fixes', () => {
    // Act
    const error = classifyAwsError(noCredentials()) as Error & { code?: string; cause?: unknown };
    // Assess
    expect(error.code).toBe('MONA_AWS_NO_CREDENTIALS');
    for (const hint of ['AWS_ACCESS_KEY_ID', 'AWS_PROFILE', 'taskRoleArn', 'instance profile', 'Could not load credentials']) {
      expect(error.message).toContain(hint);
    }
    expect((error.cause as Error).name).toBe('CredentialsProviderError');
  });

  it('leaves every other error as it was', () => {
    // Prepare
    const throttled = Object.assign(new Error('Rate exceeded'), { name: 'ThrottlingException' });
    // Act / Assess
    expect(classifyAwsError(throttled)).toBe(throttled);
    expect(classifyAwsError('text')).toBe('text');
  });

  it('gives the failed sweep the classified code and hint', async () => {
    // Prepare
    const { client, ecs } = mockedEcs();
    ecs.on(ListServicesCommand).rejects(noCredentials());
    ecs.on(DescribeServicesCommand).rejects(noCredentials());
    const source = createEcsSource({ client, rateLimiter: freeLimiter() });
    // Act
    const outcome = await source.sweep(CLUSTER, 0);
    // Assess
    expect(outcome).toMatchObject({ kind: 'failure', error: { code: 'MONA_AWS_NO_CREDENTIALS', name: 'MonaError' } });
    expect(outcome.kind === 'failure' && outcome.error.message).toContain('AWS_ACCESS_KEY_ID');
  });
});
