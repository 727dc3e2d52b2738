import { ListServicesCommand } from '@aws-sdk/client-ecs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { MonaError } from '../errors.js';
import { recordingLogger } from '../testing/recordingLogger.js';
import { useLocalAws } from './__fixtures__/localAws.js';
import { assumeRoleCredentials } from './assumeRoleCredentials.js';
import { createEcsClient } from './createEcsClient.js';

const ROLE = { roleArn: 'arn:aws:iam::111111111111:role/mona-read', externalId: 'mona-7f3a' };

describe('assumeRoleCredentials', () => {
  const aws = useLocalAws();
  afterEach(() => vi.useRealTimers());

  function clientThrough(role = ROLE, logger = recordingLogger()) {
    const credentials = assumeRoleCredentials(role, { region: 'eu-west-1', stsEndpoint: aws().url, logger });
    return createEcsClient('eu-west-1', { endpoint: aws().url, credentials });
  }

  it('assumes the role with its external id once, and signs every ECS call with the temporary key', async () => {
    // Prepare
    const client = clientThrough();
    // Act
    await client.send(new ListServicesCommand({ cluster: 'prod' }));
    await client.send(new ListServicesCommand({ cluster: 'prod' }));
    // Assess
    expect(aws().assumeRoles).toHaveLength(1);
    expect(aws().assumeRoles[0]).toMatchObject({
      Action: 'AssumeRole',
      RoleArn: ROLE.roleArn,
      ExternalId: 'mona-7f3a',
      RoleSessionName: 'mona',
    });
    expect(aws().ecsKeys).toEqual(['ASIATEST1', 'ASIATEST1']);
    client.destroy();
  });

  it('asks STS again before the credentials expire, never signing with expired ones', async () => {
    // Prepare: credentials for 10 minutes; the SDK refreshes 5 minutes before expiry
    aws().lifetimeMs = 10 * 60_000;
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() });
    const client = clientThrough();
    await client.send(new ListServicesCommand({ cluster: 'prod' }));
    // Act: 6 minutes later the credentials still have 4 minutes, inside the refresh window
    vi.setSystemTime(Date.now() + 6 * 60_000);
    await client.send(new ListServicesCommand({ cluster: 'prod' }));
    // Assess
    expect(aws().assumeRoles).toHaveLength(2);
    expect(aws().ecsKeys).toEqual(['ASIATEST1', 'ASIATEST2']);
    client.destroy();
  });

  it('fails with MONA_ASSUME_ROLE_FAILED naming the role and the fix, and logs it once', async () => {
    // Prepare
    aws().deny = true;
    const logger = recordingLogger();
    const client = clientThrough(ROLE, logger);
    // Act
    const errors = await Promise.all([1, 2].map(() => client.send(new ListServicesCommand({ cluster: 'prod' })).catch((e: unknown) => e)));
    // Assess
    for (const error of errors) {
      expect(error).toBeInstanceOf(MonaError);
      expect((error as MonaError).code).toBe('MONA_ASSUME_ROLE_FAILED');
      expect((error as MonaError).message).toContain(ROLE.roleArn);
      expect((error as MonaError).message).toContain('sts:ExternalId = "mona-7f3a"');
      expect((error as MonaError).message).toContain('AccessDenied');
    }
    expect(aws().ecsKeys).toHaveLength(0);
    expect(logger.entries.filter((r) => r.level === 'error')).toHaveLength(1);
    client.destroy();
  });
});
