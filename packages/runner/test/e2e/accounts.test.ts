import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startOrganization } from '@mona-ecs/ecs-simulator';
import type { Organization } from '@mona-ecs/ecs-simulator';
import { startMona } from './support/startMona.js';
import type { MonaProcess } from './support/startMona.js';
import { startSlack } from './support/startSlack.js';
import type { FakeSlack } from './support/startSlack.js';
import { startSmtp } from './support/startSmtp.js';
import type { FakeSmtp } from './support/startSmtp.js';
import { until } from './support/until.js';

const PAYMENTS = '111111111111';
const SEARCH = '222222222222';
const TOPIC_ARN = 'arn:aws:sns:us-east-1:000000000000:mona-e2e';
/** Shorter than the SDK's 5-minute refresh window: without a refresh before expiry every call would fail. */
const CREDENTIAL_LIFETIME_MS = 4_000;

let org: Organization;
let slack: FakeSlack;
let smtp: FakeSmtp;
let mona: MonaProcess | undefined;

beforeAll(async () => {
  org = await startOrganization({
    accounts: [
      { id: PAYMENTS, roles: [{ name: 'mona-read', externalId: 'ext-payments' }] },
      { id: SEARCH, roles: [{ name: 'mona-read' }, { name: 'mona-batch', assumable: false }] },
    ],
    homeAccessKeyIds: ['AKIAE2ETEST000000000'],
    credentialLifetimeMs: CREDENTIAL_LIFETIME_MS,
    clock: 'real',
    stepMs: 100,
  });
  [slack, smtp] = await Promise.all([startSlack(), startSmtp()]);
});

afterAll(async () => {
  await mona?.stop().catch(() => undefined);
  await Promise.all([slack?.close(), smtp?.close()]);
  await org?.close();
});

function config(): Record<string, unknown> {
  return {
    AWSRegion: 'eu-west-1',
    defaults: { roleArn: org.roleArn(SEARCH, 'mona-read') },
    clusters: [
      { name: 'prod', roleArn: org.roleArn(PAYMENTS, 'mona-read'), externalId: 'ext-payments', account: 'payments' },
      { name: 'prod', region: 'us-east-1' },
      { name: 'batch', roleArn: org.roleArn(SEARCH, 'mona-batch'), account: 'search-batch' },
    ],
    console: { accessPortalUrl: 'https://my-org.awsapps.com/start', roleName: 'ReadOnly' },
    checkIntervalSeconds: 0.2,
    secondsUntilAlert: 60,
    degradedAfterFailures: 2,
    logLevel: 'warn',
    delivery: { attemptTimeoutMs: 5_000 },
    senders: [
      { plugin: '@mona-ecs/sender-slack', options: { webhookUrl: slack.url } },
      { plugin: '@mona-ecs/sender-sns', options: { topicArn: TOPIC_ARN, endpoint: org.url } },
      { plugin: '@mona-ecs/sender-email', options: { transport: smtp.transport, from: 'mona@example.com', to: ['ops@example.com'] } },
    ],
  };
}

describe('one Mona watching three clusters in two accounts and two regions', () => {
  it('names the right account in every notification, degrades only the cluster whose role fails, and refreshes credentials', async () => {
    // Prepare: prod/api in payments (eu-west-1), prod/web in search (us-east-1), batch/jobs in search behind a locked role
    org.simulator(PAYMENTS, 'eu-west-1').createService('api', { cluster: 'prod', desiredCount: 1 });
    org.simulator(SEARCH, 'us-east-1').createService('web', { cluster: 'prod', desiredCount: 1 });
    org.simulator(SEARCH, 'eu-west-1').createService('jobs', { cluster: 'batch', desiredCount: 1 });
    mona = startMona(config(), { AWS_ENDPOINT_URL: org.url });
    const texts = () => slack.messages.map((m) => m.text);
    const explain = () => `\nslack: ${JSON.stringify(texts(), null, 1)}\nstderr: ${mona?.stderr().slice(-3000)}`;
    await until(() => texts().filter((t) => t.startsWith(':eyes:')).length === 2, 'two start-up messages', 20_000, explain);
    await until(() => texts().some((t) => t.startsWith(':warning: Mona cannot read cluster')), 'the degraded message', 20_000, explain);

    // Act: a deployment in payments and a scaling in search, for longer than the credentials live
    org.simulator(PAYMENTS, 'eu-west-1').deploy('prod/api', { image: 'api:2' });
    org.simulator(SEARCH, 'us-east-1').scale('prod/web', 2);
    await until(() => texts().some((t) => t.includes('`api` deployment done')), 'the deployment done', 20_000, explain);
    await until(() => texts().some((t) => t.includes('`web` deployment done')), 'the scaling done', 20_000, explain);
    await new Promise((resolve) => setTimeout(resolve, 2 * CREDENTIAL_LIFETIME_MS));
    const logs = mona.stdout() + mona.stderr();
    expect(await mona.stop()).toBe(0);

    // Assess: start-up and health texts name the cluster's account
    expect(texts()).toContain(':eyes: Mona is deployed and monitoring 1 service in cluster `prod` of account `payments`: `api`');
    expect(texts()).toContain(`:eyes: Mona is deployed and monitoring 1 service in cluster \`prod\` of account \`${SEARCH}\`: \`web\``);
    const degraded = texts().filter((t) => t.startsWith(':warning: Mona cannot read cluster'));
    expect(degraded).toHaveLength(1);
    expect(degraded[0]).toContain('cluster `batch` of account `search-batch` (eu-west-1)');
    expect(degraded[0]).toContain('MONA_ASSUME_ROLE_FAILED');
    // Every Slack message of a service carries the account field of its cluster
    const accountField = (service: string) =>
      slack.messages
        .filter((m) => m.text.includes(`\`${service}\``) && !m.text.startsWith(':eyes:'))
        .map((m) => /\*Account\*\n([^\n]+)/.exec(m.all)?.[1]);
    expect(new Set(accountField('api'))).toEqual(new Set([`payments (${PAYMENTS})`]));
    expect(new Set(accountField('web'))).toEqual(new Set([SEARCH]));
    // The console link signs in to the cluster's account through the access portal
    const apiStarted = slack.messages.find((m) => m.text.startsWith(':arrows_clockwise: `api`'));
    expect(apiStarted?.all).toContain(`https://my-org.awsapps.com/start/#/console?account_id=${PAYMENTS}&amp;role_name=ReadOnly`);
    // SNS attributes and email headers
    const snsAccounts = org.published.map((p) => `${p.messageAttributes['eventType']?.value}:${p.messageAttributes['account']?.value}`);
    expect(snsAccounts).toEqual(
      expect.arrayContaining(['DeploymentStarted:payments', 'ScalingStarted:' + SEARCH, 'MonitorDegraded:search-batch']),
    );
    expect(snsAccounts.every((a) => !a.endsWith(':undefined'))).toBe(true);
    const mails = smtp.messages.map((m) => `${m.headers['x-mona-event-type']}:${m.headers['x-mona-account']}`);
    expect(mails).toEqual(expect.arrayContaining(['DeploymentStarted:payments', `ScalingStarted:${SEARCH}`]));
    // The failing role: reported once, with its ARN; its cluster never reached ECS; the others never degraded
    const reports = logs.split('\n').filter((l) => l.includes('MONA_ASSUME_ROLE_FAILED') && l.includes('"level":50'));
    expect(reports).toHaveLength(1);
    expect(reports[0]).toContain(org.roleArn(SEARCH, 'mona-batch'));
    expect(org.calls(SEARCH, 'eu-west-1')['ListServices'] ?? 0).toBe(0);
    expect(degraded.some((t) => t.includes('`prod`'))).toBe(false);
    // Credentials: refreshed before they expired, never used expired
    expect(org.sts.assumeRoleCalls.get(org.roleArn(PAYMENTS, 'mona-read')) ?? 0).toBeGreaterThan(2);
    expect(org.sts.expiredCalls).toBe(0);
    expect(org.refused).toEqual({});
  }, 120_000);
});
