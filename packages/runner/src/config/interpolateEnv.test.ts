import { describe, expect, it } from 'vitest';
import { ConfigError } from '../errors.js';
import { interpolateEnv } from './interpolateEnv.js';
import { parseConfig } from './loadConfig.js';

describe('interpolateEnv', () => {
  it('replaces placeholders anywhere in nested strings and records the values as secrets', () => {
    // Act
    const result = interpolateEnv({ a: ['x-${env:ONE}-${env:TWO}'], b: { c: '${env:ONE}' }, n: 3 }, { ONE: '1a', TWO: '2b' });

    // Assess
    expect(result.value).toEqual({ a: ['x-1a-2b'], b: { c: '1a' }, n: 3 });
    expect(result.secrets.sort()).toEqual(['1a', '2b']);
    expect(result.issues).toEqual([]);
  });

  it('reports each unset variable with its name and JSON path', () => {
    // Act
    const result = interpolateEnv({ senders: [{ options: { url: '${env:HOOK}', k: '${env:KEY}' } }] }, {});

    // Assess
    expect(result.issues.map((i) => [i.code, i.path])).toEqual([
      ['MONA_ENV_MISSING', '/senders/0/options/url'],
      ['MONA_ENV_MISSING', '/senders/0/options/k'],
    ]);
    expect(result.issues[0]?.message).toContain('HOOK');
  });

  it('leaves text that only looks like a placeholder alone', () => {
    // Act
    const result = interpolateEnv({ a: '${env:}', b: '$env:X', c: '${ENV:X}' }, { X: 'y' });

    // Assess
    expect(result.value).toEqual({ a: '${env:}', b: '$env:X', c: '${ENV:X}' });
  });
});

describe('parseConfig with env placeholders', () => {
  it('fails with MONA_ENV_MISSING naming the variable when only env variables are missing', () => {
    // Act
    const error = (() => {
      try {
        return parseConfig('{"ecsCluster":"${env:CLUSTER}","AWSRegion":"eu-west-1"}', { configPath: '/m.json', env: {} });
      } catch (e) {
        return e;
      }
    })();

    // Assess
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).code).toBe('MONA_ENV_MISSING');
    expect((error as ConfigError).message).toContain('CLUSTER');
  });

  it('reports missing variables together with schema errors', () => {
    // Act
    const error = (() => {
      try {
        parseConfig('{"ecsCluster":"${env:CLUSTER}","AWSRegion":"eu-west-1","bogus":1}', { configPath: '/m.json', env: {} });
      } catch (e) {
        return e as ConfigError;
      }
      throw new Error('expected a ConfigError');
    })();

    // Assess
    expect(error.code).toBe('MONA_CONFIG_INVALID');
    expect(error.issues.map((i) => i.code).sort()).toEqual(['MONA_CONFIG_INVALID', 'MONA_ENV_MISSING']);
  });

  it('keeps the interpolated values as secrets of the resolved config', () => {
    // Act
    const config = parseConfig('{"ecsCluster":"prod","AWSRegion":"eu-west-1","senders":[{"plugin":"p","options":{"t":"${env:TOKEN}"}}]}', {
      configPath: '/m.json',
      env: { TOKEN: 'hunter2' },
    });

    // Assess
    expect(config.senders[0]?.options).toEqual({ t: 'hunter2' });
    expect(config.secrets).toEqual(['hunter2']);
  });
});
