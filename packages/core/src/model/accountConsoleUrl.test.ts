import { describe, expect, it } from 'vitest';
import { accountConsoleUrl } from './accountConsoleUrl.js';
import { consoleUrl } from './config.js';

const ECS = consoleUrl('eu-west-1', 'prod', 'api');
const ACCESS = { accessPortalUrl: 'https://my-org.awsapps.com/start/', roleName: 'ReadOnly' };

describe('accountConsoleUrl', () => {
  it('wraps the ECS link in an access-portal shortcut that signs in to the account', () => {
    // Act
    const url = new URL(accountConsoleUrl(ECS, '111111111111', ACCESS).replace('/#/console?', '/console?'));
    // Assess
    expect(url.origin + url.pathname).toBe('https://my-org.awsapps.com/start/console');
    expect(url.searchParams.get('account_id')).toBe('111111111111');
    expect(url.searchParams.get('role_name')).toBe('ReadOnly');
    expect(url.searchParams.get('destination')).toBe(ECS);
  });

  it('keeps the fragment form the portal reads (#/console)', () => {
    expect(accountConsoleUrl(ECS, '111111111111', ACCESS)).toMatch(/^https:\/\/my-org\.awsapps\.com\/start\/#\/console\?account_id=/);
  });

  it('leaves the ECS link unchanged without portal settings or without an account id', () => {
    expect(accountConsoleUrl(ECS, '111111111111', undefined)).toBe(ECS);
    expect(accountConsoleUrl(ECS, undefined, ACCESS)).toBe(ECS);
  });
});
