import { describe, expect, it } from 'vitest';
import { captureIo, fixturePlugin, writeConfig } from '../__fixtures__/testIo.js';
import { parseConfig } from '../config/loadConfig.js';
import { ConfigError } from '../errors.js';
import { main } from '../main.js';
import { loadSenders } from './createSenders.js';

const plugin = fixturePlugin('recording.mjs');

describe('loadSenders: option errors', () => {
  it('lists each option error of one sender once, under its own path, with the closest key', async () => {
    // Prepare
    const config = parseConfig(
      JSON.stringify({ ecsCluster: 'prod', AWSRegion: 'eu-west-1', senders: [{ plugin, options: { chanel: '#ops', delayMs: 'x' } }] }),
      { configPath: '/etc/mona/mona.json', env: {} },
    );

    // Act
    const error = await loadSenders(config).catch((e: unknown) => e);

    // Assess
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).code).toBe('MONA_OPTIONS_INVALID');
    expect((error as ConfigError).issues).toEqual([
      { code: 'MONA_OPTIONS_INVALID', path: '/senders/0/options', message: 'misses "channel"', hint: 'add "channel"' },
      {
        code: 'MONA_OPTIONS_INVALID',
        path: '/senders/0/options',
        message: 'has unknown key "chanel"',
        hint: 'did you mean "channel"? allowed keys: channel, token, failWith, delayMs',
      },
      { code: 'MONA_OPTIONS_INVALID', path: '/senders/0/options/delayMs', message: 'must be integer', hint: 'write an integer here' },
    ]);
  });

  it('prints each problem of several senders once, its path once, in mona validate', async () => {
    // Prepare
    const file = writeConfig({
      ecsCluster: 'prod',
      AWSRegion: 'eu-west-1',
      senders: [
        { plugin, options: { chanel: '#ops' } },
        { plugin, options: {} },
      ],
    });
    const io = captureIo();

    // Act
    const code = await main(['validate', '--config', file], io);

    // Assess
    expect(code).toBe(2);
    expect(io.err()).toBe(
      [
        `mona validate: MONA_OPTIONS_INVALID: config ${file} has 3 problems:`,
        '  /senders/0/options: misses "channel"',
        '      hint: add "channel" [MONA_OPTIONS_INVALID]',
        '  /senders/0/options: has unknown key "chanel"',
        '      hint: did you mean "channel"? allowed keys: channel, token, failWith, delayMs [MONA_OPTIONS_INVALID]',
        '  /senders/1/options: misses "channel"',
        '      hint: add "channel" [MONA_OPTIONS_INVALID]',
        '',
      ].join('\n'),
    );
  });
});
