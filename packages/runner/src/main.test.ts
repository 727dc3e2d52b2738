import { beforeEach, describe, expect, it } from 'vitest';
import { captureIo, fixturePlugin, writeConfig } from './__fixtures__/testIo.js';
import { main } from './main.js';
import { monaVersion } from './version.js';

const recorded = () => ((globalThis as Record<symbol, unknown[]>)[Symbol.for('mona.test.recording')] ??= []);
beforeEach(() => {
  recorded().length = 0;
});

describe('main', () => {
  it('prints the top-level help with every command and exits 0 on --help', async () => {
    // Prepare
    const io = captureIo();

    // Act
    const code = await main(['--help'], io);

    // Assess
    expect(code).toBe(0);
    expect(io.out()).toMatch(/run .*\n.*validate .*\n.*test-sender/s);
  });

  it('prints the package version and nothing else on --version and -v', async () => {
    // Prepare
    const io = captureIo();

    // Act
    const codes = [await main(['--version'], io), await main(['-v'], io)];

    // Assess
    expect(codes).toEqual([0, 0]);
    expect(io.out()).toBe(`${monaVersion()}\n${monaVersion()}\n`);
    expect(io.err()).toBe('');
  });

  it('exits 2 with the help on an unknown command or flag, or no command', async () => {
    // Prepare
    const io = captureIo();

    // Act
    const codes = [await main(['nope'], io), await main(['validate', '--bogus'], io), await main([], io)];

    // Assess
    expect(codes).toEqual([2, 2, 2]);
    expect(io.err()).toContain('unknown command "nope"');
    expect(io.err()).toContain("Unknown option '--bogus'");
  });

  it('prints the help of a command', async () => {
    // Prepare
    const io = captureIo();

    // Act
    const code = await main(['test-sender', '--help'], io);

    // Assess
    expect(code).toBe(0);
    expect(io.out()).toContain('--sender INDEX');
  });

  it('exits 2 when --config is missing', async () => {
    // Prepare
    const io = captureIo();

    // Act
    const code = await main(['validate'], io);

    // Assess
    expect(code).toBe(2);
    expect(io.err()).toContain('MONA_USAGE');
  });
});

describe('mona validate', () => {
  it('reports every problem of a broken config with paths and hints, and exits 2', async () => {
    // Prepare
    const file = writeConfig({
      AWSRegion: 'eu-west-1',
      checkIntervalSeconds: -1,
      senders: [{ plugin: 'x', events: ['deploi'] }],
      extra: 1,
    });
    const io = captureIo();

    // Act
    const code = await main(['validate', '--config', file], io);

    // Assess
    expect(code).toBe(2);
    expect(io.err()).toContain('MONA_CONFIG_INVALID');
    expect(io.err()).toContain('/checkIntervalSeconds');
    expect(io.err()).toContain('/senders/0/events/0');
    expect(io.err()).toContain('unknown key "extra"');
    expect(io.err()).toContain('hint:');
  });

  it('accepts a valid config with a plugin by path and prints a summary', async () => {
    // Prepare
    const file = writeConfig({
      ecsCluster: 'prod',
      AWSRegion: 'eu-west-1',
      senders: [{ plugin: fixturePlugin('recording.mjs'), options: { channel: '#ops' } }],
    });
    const io = captureIo();

    // Act
    const code = await main(['validate', '-c', file], io);

    // Assess
    expect(code).toBe(0);
    expect(io.out()).toContain('config OK');
    expect(io.out()).toContain('→ recording');
  });

  it('exits 2 with MONA_PLUGIN_NOT_FOUND before anything runs', async () => {
    // Prepare
    const file = writeConfig({ ecsCluster: 'prod', AWSRegion: 'eu-west-1', senders: [{ plugin: './missing.mjs' }] });
    const io = captureIo();

    // Act
    const code = await main(['validate', '--config', file], io);

    // Assess
    expect(code).toBe(2);
    expect(io.err()).toContain('MONA_PLUGIN_NOT_FOUND');
  });

  it('reports every broken sender in one run, not only the first', async () => {
    // Prepare
    const file = writeConfig({
      ecsCluster: 'prod',
      AWSRegion: 'eu-west-1',
      senders: [
        { plugin: './missing.mjs' },
        { plugin: fixturePlugin('recording.mjs'), options: { channel: 42 } },
        { plugin: fixturePlugin('no-default.mjs') },
      ],
    });
    const io = captureIo();

    // Act
    const code = await main(['validate', '--config', file], io);

    // Assess
    expect(code).toBe(2);
    expect(io.err()).toContain('/senders/0');
    expect(io.err()).toContain('MONA_PLUGIN_NOT_FOUND');
    expect(io.err()).toContain('/senders/1');
    expect(io.err()).toContain('MONA_OPTIONS_INVALID');
    expect(io.err()).toContain('/senders/2');
    expect(io.err()).toContain('MONA_PLUGIN_INVALID');
  });
});

describe('mona run', () => {
  it('exits 2 without printing a sender option when a plugin fails to create, literal or from the environment', async () => {
    // Prepare
    const secret = 'hooks.example.com/T0/B0/abcdef0123456789';
    const configWithUrl = (url: string) =>
      writeConfig({
        ecsCluster: 'prod',
        AWSRegion: 'eu-west-1',
        senders: [{ plugin: fixturePlugin('quotes-url-in-create.mjs'), options: { url } }],
      });
    const fromEnv = configWithUrl('https://${env:HOOK_PATH}');
    const literal = configWithUrl('https://literal.example.com/s3cr3t-path');
    const first = captureIo({ HOOK_PATH: secret });
    const second = captureIo();

    // Act
    const codes = [await main(['run', '--config', fromEnv], first), await main(['run', '--config', literal], second)];

    // Assess
    expect(codes).toEqual([2, 2]);
    expect(first.err()).toContain('MONA_PLUGIN_CREATE_FAILED');
    expect(first.err()).toContain('cannot connect to');
    expect(first.err() + first.out()).not.toContain(secret);
    expect(second.err()).toContain('MONA_PLUGIN_CREATE_FAILED');
    expect(second.err() + second.out()).not.toContain('s3cr3t-path');
  });
});

describe('mona test-sender', () => {
  it('sends one test notification through each sender and reports per sender', async () => {
    // Prepare
    const file = writeConfig({
      ecsCluster: 'prod',
      AWSRegion: 'eu-west-1',
      senders: [
        { plugin: fixturePlugin('recording.mjs'), options: { channel: '#a' } },
        { plugin: fixturePlugin('recording.mjs'), options: { channel: '#b' } },
      ],
    });
    const io = captureIo();

    // Act
    const code = await main(['test-sender', '--config', file], io);

    // Assess
    expect(code).toBe(0);
    expect(io.out().match(/^ok /gm)).toHaveLength(2);
    const sent = recorded().filter((r) => (r as { notification?: unknown }).notification);
    expect(sent.map((r) => (r as { channel: string }).channel).sort()).toEqual(['#a', '#b']);
  });

  it('exits 1 and shows the classified error, with env secrets redacted', async () => {
    // Prepare
    const file = writeConfig({
      ecsCluster: 'prod',
      AWSRegion: 'eu-west-1',
      senders: [
        { plugin: fixturePlugin('recording.mjs'), options: { channel: '#a' } },
        { plugin: fixturePlugin('recording.mjs'), options: { channel: '#b', token: '${env:TOKEN}', failWith: 'HTTP 404' } },
      ],
    });
    const io = captureIo({ TOKEN: 'tok-very-secret' });

    // Act
    const code = await main(['test-sender', '--config', file, '--sender', '1'], io);

    // Assess
    expect(code).toBe(1);
    expect(io.out()).toContain('FAILED  senders[1]');
    expect(io.out()).toContain('HTTP 404');
    expect(io.out()).toContain('(permanent)');
    expect(io.out()).not.toContain('tok-very-secret');
    expect(io.out()).not.toContain('senders[0]');
  });

  it('reports a sender that ignores its abort signal as failed once the attempt timeout passes', async () => {
    // Prepare
    const file = writeConfig({
      ecsCluster: 'prod',
      AWSRegion: 'eu-west-1',
      delivery: { attemptTimeoutMs: 50 },
      senders: [{ plugin: fixturePlugin('hangs.mjs') }],
    });
    const io = captureIo();

    // Act
    const code = await main(['test-sender', '--config', file], io);

    // Assess
    expect(code).toBe(1);
    expect(io.out()).toContain('FAILED  senders[0]');
    expect(io.out()).toContain('no answer within 50 ms');
  });

  it('exits 2 on a --sender index that does not exist', async () => {
    // Prepare
    const file = writeConfig({
      ecsCluster: 'prod',
      AWSRegion: 'eu-west-1',
      senders: [{ plugin: fixturePlugin('recording.mjs'), options: { channel: '#a' } }],
    });
    const io = captureIo();

    // Act
    const code = await main(['test-sender', '--config', file, '--sender', '3'], io);

    // Assess
    expect(code).toBe(2);
    expect(io.err()).toContain('--sender 3');
  });
});
