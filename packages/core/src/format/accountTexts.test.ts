import { describe, expect, it } from 'vitest';
import { createFormatter } from './createFormatter.js';
import { defaultFormatter } from './defaultFormatter.js';
import { eventOf } from './__fixtures__/events.js';
import { titleOf } from './titleOf.js';
import { toNotification } from './toNotification.js';

describe('the account in the default texts', () => {
  it('keeps the original texts that name a cluster when there is no account', () => {
    // Act / Assess
    expect(toNotification(eventOf('MonitorStarted'), defaultFormatter).text).toBe(
      ':eyes: Mona is deployed and monitoring 2 services in cluster `prod`: `api`, `web`',
    );
    expect(defaultFormatter.monitorDegraded(eventOf('MonitorDegraded'))).toMatch(
      /^:warning: Mona cannot read cluster `prod` \(eu-west-1\): /,
    );
    expect(defaultFormatter.monitorRecovered(eventOf('MonitorRecovered'))).toMatch(
      /^:white_check_mark: Mona reads cluster `prod` \(eu-west-1\) again/,
    );
    expect(titleOf(eventOf('DeploymentStarted'))).toBe('api: deployment started (prod)');
  });

  it('names the account after the cluster when there is one', () => {
    // Prepare
    const account = { account: 'payments' };
    // Act / Assess
    expect(toNotification(eventOf('MonitorStarted', account), defaultFormatter).text).toBe(
      ':eyes: Mona is deployed and monitoring 2 services in cluster `prod` of account `payments`: `api`, `web`',
    );
    expect(defaultFormatter.monitorDegraded(eventOf('MonitorDegraded', account))).toMatch(
      /^:warning: Mona cannot read cluster `prod` of account `payments` \(eu-west-1\): 3 sweeps/,
    );
    expect(defaultFormatter.monitorRecovered(eventOf('MonitorRecovered', account))).toMatch(
      /^:white_check_mark: Mona reads cluster `prod` of account `payments` \(eu-west-1\) again/,
    );
    expect(titleOf(eventOf('DeploymentStarted', account))).toBe('api: deployment started (payments/prod)');
  });

  it('escapes an account alias like every other value', () => {
    expect(defaultFormatter.monitorDegraded(eventOf('MonitorDegraded', { account: 'a`<!channel>' }))).not.toContain('<!channel>');
  });

  it('offers {account} and {accountId} to templates, empty without an account', () => {
    // Prepare
    const formatter = createFormatter(
      {},
      { deploy: '{service} in {account}/{cluster} ({accountId})', monitorDeploy: '{cluster}@{account}' },
    );
    // Act / Assess
    expect(formatter.deploy(eventOf('DeploymentStarted', { account: 'payments', accountId: '111111111111' }))).toBe(
      'api in payments/prod (111111111111)',
    );
    expect(formatter.deploy(eventOf('DeploymentStarted'))).toBe('api in /prod ()');
    expect(toNotification(eventOf('MonitorStarted', { account: 'payments' }), formatter).text).toBe('prod@payments');
  });

  it('calls a formatter written for the original with its two arguments', () => {
    // Prepare
    const seen: unknown[][] = [];
    const formatter = { ...defaultFormatter, monitorDeploy: (...args: unknown[]) => (seen.push(args), 'started') };
    // Act
    toNotification(eventOf('MonitorStarted'), formatter);
    toNotification(eventOf('MonitorStarted', { account: 'payments' }), formatter);
    // Assess
    expect(seen).toEqual([
      [['api', 'web'], 'prod'],
      [['api', 'web'], 'prod', 'payments'],
    ]);
  });
});
