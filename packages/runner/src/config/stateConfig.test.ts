import { describe, expect, it } from 'vitest';
import { ConfigError } from '../errors.js';
import { parseConfig } from './loadConfig.js';

const base = { ecsCluster: 'prod', AWSRegion: 'eu-west-1' };
const parse = (state: unknown, env: Record<string, string> = { HOME: '/home/op' }) =>
  parseConfig(JSON.stringify(state === undefined ? base : { ...base, state }), { configPath: '/etc/mona/mona.json', env }).state;

describe('the state config', () => {
  it('keeps state in a file under MONA_STATE_DIR by default', () => {
    expect(parse(undefined, { MONA_STATE_DIR: '/var/lib/mona' })).toEqual({
      kind: 'file',
      path: '/var/lib/mona/state.json',
      staleAfterSeconds: 3600,
    });
  });

  it('resolves a relative state file against the config file', () => {
    expect(parse({ file: 'data/mona.json', staleAfterSeconds: 60 })).toEqual({
      kind: 'file',
      path: '/etc/mona/data/mona.json',
      staleAfterSeconds: 60,
    });
  });

  it('turns state off with false', () => {
    expect(parse(false)).toEqual({ kind: 'off' });
  });

  it('uses a DynamoDB table with lease and table defaults', () => {
    expect(parse({ dynamodb: { table: 'mona-state', endpoint: 'http://127.0.0.1:8000' } })).toEqual({
      kind: 'dynamodb',
      table: 'mona-state',
      endpoint: 'http://127.0.0.1:8000',
      createTable: false,
      leaseSeconds: 30,
      staleAfterSeconds: 3600,
    });
  });

  it.each([
    ['both a file and a table', { file: 'x.json', dynamodb: { table: 't' } }, '/state', /names both a "file" and a "dynamodb" table/],
    ['a table without a name', { dynamodb: { region: 'eu-west-1' } }, '/state/dynamodb', /table/],
    ['an unknown key', { fil: 'x.json' }, '/state', /fil/],
    ['true', true, '/state', /./],
  ])('rejects %s, naming the path', (_, state, path, message) => {
    let error: unknown;
    try {
      parse(state);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const issues = (error as ConfigError).issues;
    expect(issues.some((i) => i.path === path && message.test(`${i.message} ${i.hint}`))).toBe(true);
  });
});
