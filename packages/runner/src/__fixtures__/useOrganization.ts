import { startOrganization } from '@mona-ecs/ecs-simulator';
import type { Organization, OrganizationOptions } from '@mona-ecs/ecs-simulator';
import { afterEach, beforeEach } from 'vitest';

/** The accounts the multi-account tests watch. */
export const PAYMENTS = '111111111111';
export const SEARCH = '222222222222';

/**
 * Registers, for the file's tests, a simulated AWS organisation started before each test, with
 * Mona's own credentials and the SDK's endpoint pointed at it (as in a job against it), and
 * the environment restored and the organisation closed after each. Returns the current one.
 *
 * @example
 * const org = useOrganization({ accounts: [{ id: PAYMENTS, roles: [{ name: 'mona-read' }] }] });
 * it('…', () => org().simulator(PAYMENTS, 'eu-west-1').createService('api'));
 */
export function useOrganization(options: OrganizationOptions): () => Organization {
  let org: Organization | undefined;
  const saved = { ...process.env };
  beforeEach(async () => {
    org = await startOrganization(options);
    Object.assign(process.env, {
      AWS_ACCESS_KEY_ID: 'AKIAMONATEST',
      AWS_SECRET_ACCESS_KEY: 'not-a-secret',
      AWS_ENDPOINT_URL: org.url,
      AWS_EC2_METADATA_DISABLED: 'true',
    });
  });
  afterEach(async () => {
    process.env = { ...saved };
    await org?.close();
    org = undefined;
  });
  return () => {
    if (!org) throw new Error('useOrganization: the organisation exists only inside a test');
    return org;
  };
}
