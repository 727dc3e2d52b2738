import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startOrganization } from '@mona-ecs/ecs-simulator';
import type { Organization } from '@mona-ecs/ecs-simulator';
import { recordingLogger } from '@mona-ecs/core/testing';
import { parseConfig } from '../config/loadConfig.js';
import { withOwnAccount } from './withOwnAccount.js';

const ROLE = 'arn:aws:iam::111111111111:role/mona-read';
let org: Organization;
const saved = { ...process.env };
beforeEach(async () => {
  org = await startOrganization({ accounts: [{ id: '111111111111', roles: [{ name: 'mona-read' }] }], homeAccountId: '999999999999' });
  Object.assign(process.env, { AWS_ACCESS_KEY_ID: 'AKIAMONA', AWS_SECRET_ACCESS_KEY: 'x', AWS_ENDPOINT_URL: org.url });
});
afterEach(async () => {
  process.env = { ...saved };
  await org.close();
});

function configOf(clusters: unknown[]) {
  return parseConfig(JSON.stringify({ AWSRegion: 'eu-west-1', clusters }), { configPath: '/etc/mona.json', env: {} });
}

describe('withOwnAccount', () => {
  it('names the own-credentials clusters of a multi-account config with the id from GetCallerIdentity', async () => {
    // Act
    const config = await withOwnAccount(configOf(['local', { name: 'prod', roleArn: ROLE }]), recordingLogger());
    // Assess
    expect(config.clusters.map((c) => c.account)).toEqual(['999999999999', '111111111111']);
  });

  it('leaves a single-account config as it is, without calling STS', async () => {
    // Prepare
    const written = configOf(['local', 'other']);
    process.env['AWS_ENDPOINT_URL'] = 'http://127.0.0.1:9';
    // Act
    const config = await withOwnAccount(written, recordingLogger());
    // Assess
    expect(config).toBe(written);
  });

  it('goes on without the account, and says so, when GetCallerIdentity fails', async () => {
    // Prepare: nothing listens there
    process.env['AWS_ENDPOINT_URL'] = 'http://127.0.0.1:9';
    const logger = recordingLogger();
    const written = configOf(['local', { name: 'prod', roleArn: ROLE }]);
    // Act
    const config = await withOwnAccount(written, logger);
    // Assess
    expect(config.clusters[0]?.account).toBeUndefined();
    expect(logger.entries.some((e) => e.level === 'warn' && e.msg?.includes('GetCallerIdentity'))).toBe(true);
  });
});
