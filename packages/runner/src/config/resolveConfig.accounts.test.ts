import { describe, expect, it } from 'vitest';
import { ConfigError } from '../errors.js';
import { parseConfig } from './loadConfig.js';

const at = { configPath: '/etc/mona/mona.json', env: {} };
const PAYMENTS = 'arn:aws:iam::111111111111:role/mona-read';
const SEARCH = 'arn:aws:iam::222222222222:role/mona-read';

function issuesOf(config: Record<string, unknown>) {
  try {
    parseConfig(JSON.stringify(config), at);
  } catch (error) {
    if (error instanceof ConfigError) return error.issues;
    throw error;
  }
  return [];
}

describe('parseConfig: accounts and roles', () => {
  it('gives each cluster its role, external id and account (the alias, else the role account id)', () => {
    // Act
    const config = parseConfig(
      JSON.stringify({
        AWSRegion: 'eu-west-1',
        clusters: [
          { name: 'prod', roleArn: PAYMENTS, externalId: 'ext-1', account: 'payments' },
          { name: 'prod', region: 'us-east-1', roleArn: SEARCH },
          'local',
        ],
      }),
      at,
    );
    // Assess
    expect(config.clusters).toEqual([
      { cluster: 'prod', region: 'eu-west-1', roleArn: PAYMENTS, externalId: 'ext-1', account: 'payments', accountId: '111111111111' },
      { cluster: 'prod', region: 'us-east-1', roleArn: SEARCH, account: '222222222222', accountId: '222222222222' },
      { cluster: 'local', region: 'eu-west-1' },
    ]);
  });

  it('applies defaults to every entry without its own values; an explicit entry wins', () => {
    // Act
    const config = parseConfig(
      JSON.stringify({
        AWSRegion: 'us-east-1',
        defaults: { roleArn: PAYMENTS, externalId: 'ext-default', region: 'eu-west-1' },
        clusters: [
          'api',
          { name: 'web', region: 'eu-central-1', roleArn: SEARCH, externalId: 'ext-search' },
          { name: 'jobs', roleArn: SEARCH },
        ],
      }),
      at,
    );
    // Assess: key by key, the entry's own value wins
    expect(config.clusters).toEqual([
      {
        cluster: 'api',
        region: 'eu-west-1',
        roleArn: PAYMENTS,
        externalId: 'ext-default',
        account: '111111111111',
        accountId: '111111111111',
      },
      {
        cluster: 'web',
        region: 'eu-central-1',
        roleArn: SEARCH,
        externalId: 'ext-search',
        account: '222222222222',
        accountId: '222222222222',
      },
      {
        cluster: 'jobs',
        region: 'eu-west-1',
        roleArn: SEARCH,
        externalId: 'ext-default',
        account: '222222222222',
        accountId: '222222222222',
      },
    ]);
  });

  it('keeps two prod clusters of two accounts, and drops a repeated one of the same account', () => {
    // Act
    const config = parseConfig(
      JSON.stringify({
        AWSRegion: 'eu-west-1',
        clusters: [
          { name: 'prod', roleArn: PAYMENTS },
          { name: 'prod', roleArn: SEARCH },
          { name: 'prod', roleArn: PAYMENTS },
        ],
      }),
      at,
    );
    // Assess
    expect(config.clusters.map((c) => c.account)).toEqual(['111111111111', '222222222222']);
  });

  it('rejects one account watched through two roles, naming both', () => {
    // Act
    const issues = issuesOf({
      AWSRegion: 'eu-west-1',
      clusters: [
        { name: 'a', roleArn: PAYMENTS, account: 'shared' },
        { name: 'b', roleArn: SEARCH, account: 'shared' },
      ],
    });
    // Assess
    expect(issues).toHaveLength(1);
    expect(issues[0]?.path).toBe('/clusters/1');
    expect(issues[0]?.message).toContain(PAYMENTS);
    expect(issues[0]?.message).toContain(SEARCH);
  });

  it('rejects a role that is not a role ARN and an account name with a slash, with their paths', () => {
    // Act
    const issues = issuesOf({
      AWSRegion: 'eu-west-1',
      defaults: { roleArn: 'mona-read' },
      clusters: [{ name: 'a', account: 'pay/ments' }],
    });
    // Assess
    const paths = issues.map((i) => i.path);
    expect(paths).toContain('/defaults/roleArn');
    expect(paths.some((p) => p.startsWith('/clusters/0'))).toBe(true);
  });

  it('takes the console access portal settings', () => {
    // Act
    const config = parseConfig(
      JSON.stringify({
        ecsCluster: 'prod',
        AWSRegion: 'eu-west-1',
        console: { accessPortalUrl: 'https://my-org.awsapps.com/start', roleName: 'ReadOnly' },
      }),
      at,
    );
    // Assess
    expect(config.console).toEqual({ accessPortalUrl: 'https://my-org.awsapps.com/start', roleName: 'ReadOnly' });
  });
});
