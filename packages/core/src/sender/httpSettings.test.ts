import { describe, expect, it } from 'vitest';
import { httpSettingsFromEnv, usesProxy } from './httpSettings.js';

describe('httpSettingsFromEnv', () => {
  it('reads the proxy, its exceptions, the CA file and TLS verification from the environment', () => {
    // Act
    const settings = httpSettingsFromEnv(
      { https_proxy: 'http://proxy:3128', NO_PROXY: 'localhost, .internal', NODE_EXTRA_CA_CERTS: '/etc/ca.pem' },
      5_000,
    );
    // Assess
    expect(settings).toEqual({
      timeoutMs: 5_000,
      proxyUrl: 'http://proxy:3128',
      noProxy: ['localhost', '.internal'],
      caFile: '/etc/ca.pem',
      rejectUnauthorized: true,
    });
  });

  it('connects directly without a proxy, and notes when TLS verification is off', () => {
    expect(httpSettingsFromEnv({ NODE_TLS_REJECT_UNAUTHORIZED: '0' }, 1)).toEqual({ timeoutMs: 1, rejectUnauthorized: false });
  });
});

describe('usesProxy', () => {
  const settings = httpSettingsFromEnv({ HTTPS_PROXY: 'http://proxy:3128', NO_PROXY: 'localhost,.internal,example.org' }, 1);
  it.each([
    ['hooks.slack.com', true],
    ['localhost', false],
    ['a.internal', false],
    ['example.org', false],
    ['api.example.org', false],
    ['notexample.org', true],
  ])('%s through the proxy: %s', (host, expected) => {
    expect(usesProxy(host, settings)).toBe(expected);
  });
});
