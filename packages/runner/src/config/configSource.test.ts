import { mkdtempSync, mkdirSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { captureIo, fixturePlugin, writeConfig } from '../__fixtures__/testIo.js';
import { main } from '../main.js';
import { loadConfig } from './loadConfig.js';
import { configSourceOf } from './configSource.js';

const VALID = '{"ecsCluster":"prod","AWSRegion":"eu-west-1"}';

async function* chunks(...parts: string[]): AsyncIterable<Uint8Array> {
  for (const part of parts) yield new TextEncoder().encode(part);
}

/** A working directory holding `plugins/recording.mjs`, as the process's cwd. */
function cwdWithPlugin(): string {
  const dir = mkdtempSync(join(tmpdir(), 'mona-cwd-'));
  mkdirSync(join(dir, 'plugins'));
  copyFileSync(fixturePlugin('recording.mjs'), join(dir, 'plugins', 'recording.mjs'));
  vi.spyOn(process, 'cwd').mockReturnValue(dir);
  return dir;
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('configSourceOf', () => {
  it('prefers --config over MONA_CONFIG, and reads stdin for "-"', () => {
    // Prepare
    const env = { MONA_CONFIG: VALID };
    // Act
    const file = configSourceOf('mona.json', env);
    const stdin = configSourceOf('-', env);
    const fromEnv = configSourceOf(undefined, env);
    const none = configSourceOf(undefined, { MONA_CONFIG: '  ' });
    // Assess
    expect(file).toMatchObject({ kind: 'file', name: join(process.cwd(), 'mona.json') });
    expect(stdin).toMatchObject({ kind: 'stdin', name: 'stdin' });
    expect(fromEnv).toMatchObject({ kind: 'env', name: 'MONA_CONFIG' });
    expect(none).toBeUndefined();
  });
});

describe('loadConfig from MONA_CONFIG and stdin', () => {
  it('reads the JSON of MONA_CONFIG, with ${env:…} placeholders filled from the same environment', async () => {
    // Act
    const config = await loadConfig(undefined, {
      MONA_CONFIG: '{"ecsCluster":"${env:CLUSTER}"}',
      CLUSTER: 'prod',
      AWS_REGION: 'eu-west-1',
    });
    // Assess
    expect(config.clusters).toEqual([{ cluster: 'prod', region: 'eu-west-1' }]);
    expect(config.source).toBe('MONA_CONFIG');
  });

  it('reads stdin to its end, whatever the chunking', async () => {
    // Act
    const config = await loadConfig('-', {}, chunks('{"ecsCluster":', '"prod","AWSRegion":"eu-west-1"}'));
    // Assess
    expect(config.clusters).toEqual([{ cluster: 'prod', region: 'eu-west-1' }]);
    expect(config.source).toBe('stdin');
  });

  it('names the source in every error', async () => {
    // Act
    const badEnv = await loadConfig(undefined, { MONA_CONFIG: '{"ecsCluster": }' }).catch((e: Error) => e.message);
    const badStdin = await loadConfig('-', {}, chunks('{"ecsCluster":"prod","AWSRegion":"eu-west-1","nope":1}')).catch(
      (e: Error) => e.message,
    );
    const empty = await loadConfig('-', {}, chunks('')).catch((e: Error) => e.message);
    const missing = await loadConfig('/nonexistent/mona.json', {}).catch((e: Error) => e.message);
    // Assess
    expect(badEnv).toMatch(/^MONA_CONFIG is not valid JSON: line 1, column 16: value expected/);
    expect(badStdin).toMatch(/^config stdin has 1 problem:\n {2}\/ has unknown key "nope"/);
    expect(empty).toBe('stdin is empty: pipe the config in, e.g. `mona validate --config - < mona.json`');
    expect(missing).toBe('cannot read config /nonexistent/mona.json: no such file (ENOENT); check the --config path');
  });

  it('says how to give a config when there is none', async () => {
    // Act
    const error = await loadConfig(undefined, {}).catch((e: Error & { code: string }) => e);
    // Assess
    expect(error).toMatchObject({ code: 'MONA_USAGE' });
    expect((error as Error).message).toContain('--config FILE, --config - (JSON on stdin), or set MONA_CONFIG');
  });
});

describe('mona validate with a config from the environment or stdin', () => {
  it('validates MONA_CONFIG, resolving a relative plugin path against the working directory', async () => {
    // Prepare
    const dir = cwdWithPlugin();
    const io = captureIo({
      MONA_CONFIG: JSON.stringify({
        ecsCluster: 'prod',
        AWSRegion: 'eu-west-1',
        senders: [{ plugin: './plugins/recording.mjs', options: { channel: '#ops' } }],
      }),
    });
    // Act
    const code = await main(['validate'], io);
    // Assess
    expect(io.err()).toBe('');
    expect(code).toBe(0);
    expect(io.out()).toContain('config OK: MONA_CONFIG');
    expect(io.out()).toContain('senders[0]:./plugins/recording.mjs → recording');
    expect(dir).toBe(process.cwd());
  });

  it('validates the config piped on stdin with --config -', async () => {
    // Prepare
    const io = { ...captureIo(), stdin: chunks(VALID) };
    // Act
    const code = await main(['validate', '--config', '-'], io);
    // Assess
    expect(code).toBe(0);
    expect(io.out()).toContain('config OK: stdin');
  });

  it('exits 2 naming the source when MONA_CONFIG is broken', async () => {
    // Prepare
    const io = captureIo({ MONA_CONFIG: '{"ecsCluster":"prod",}' });
    // Act
    const code = await main(['validate'], io);
    // Assess
    expect(code).toBe(2);
    expect(io.err()).toContain('MONA_CONFIG is not valid JSON: line 1, column 22: property name expected');
  });

  it('prefers --config FILE over MONA_CONFIG', async () => {
    // Prepare
    const file = writeConfig(VALID);
    const io = captureIo({ MONA_CONFIG: 'not json' });
    // Act
    const code = await main(['validate', '--config', file], io);
    // Assess
    expect(code).toBe(0);
    expect(io.out()).toContain(`config OK: ${file}`);
  });
});
