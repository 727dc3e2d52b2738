import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { MonaError } from '@mona-ecs/core';
import type { Logger } from '@mona-ecs/core';
import { parseConfig } from '../config/loadConfig.js';
import { createSenders, loadSenders } from './createSenders.js';
import { loadPlugin } from './loadPlugin.js';

const configPath = fileURLToPath(new URL('../__fixtures__/mona.json', import.meta.url));
const silent: Logger = { debug() {}, info() {}, warn() {}, error() {}, child: () => silent };

async function codeOf(promise: Promise<unknown>): Promise<{ code: string; message: string }> {
  const error = await promise.then(
    () => new Error('expected a failure'),
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(MonaError);
  return error as MonaError;
}

/** A config directory with one package installed in its node_modules, as `npm install` next to the config leaves it. */
function installedNextToConfig(name: string, manifest: object): string {
  const dir = mkdtempSync(join(tmpdir(), 'mona-plugin-'));
  const pkgDir = join(dir, 'node_modules', ...name.split('/'));
  mkdirSync(join(pkgDir, 'lib'), { recursive: true });
  writeFileSync(join(pkgDir, 'package.json'), JSON.stringify({ name, version: '1.0.0', type: 'module', ...manifest }));
  writeFileSync(
    join(pkgDir, 'lib', 'index.js'),
    `export default { name: 'installed', optionsSchema: { type: 'object' }, create: () => ({ async send() {} }) };\n`,
  );
  return join(dir, 'mona.json');
}

function configWith(sender: object) {
  return parseConfig(JSON.stringify({ ecsCluster: 'c', AWSRegion: 'eu-west-1', senders: [sender] }), { configPath, env: {} });
}

describe('loadPlugin', () => {
  it('loads a plugin by path relative to the config file', async () => {
    // Act
    const plugin = await loadPlugin({ spec: './plugins/recording.mjs', configPath, owner: 'senders[0]' });

    // Assess
    expect(plugin.name).toBe('recording');
  });

  it.each([
    [
      'an ESM-only package (exports with the import condition)',
      { exports: { '.': { types: './lib/index.d.ts', import: './lib/index.js' } } },
    ],
    ['a package with conditional exports sugar', { exports: { import: './lib/index.js' } }],
    ['a package with only "main"', { main: './lib/index.js' }],
    ['a package whose exports map "." and a "./*" pattern', { exports: { '.': './lib/index.js', './*': './lib/*.js' } }],
  ])('loads %s installed next to the config file', async (_kind, manifest) => {
    // Prepare
    const nextTo = installedNextToConfig('@acme/mona-sender-teams', manifest);

    // Act
    const plugin = await loadPlugin({ spec: '@acme/mona-sender-teams', configPath: nextTo, owner: 'senders[0]' });

    // Assess
    expect(plugin.name).toBe('installed');
  });

  it('loads a subpath that a "./*" exports pattern provides', async () => {
    // Prepare
    const nextTo = installedNextToConfig('@acme/mona-senders', { exports: { './*': './lib/*.js' } });

    // Act
    const plugin = await loadPlugin({ spec: '@acme/mona-senders/index', configPath: nextTo, owner: 'senders[0]' });

    // Assess
    expect(plugin.name).toBe('installed');
  });

  it("prefers a package installed next to the config file over the runner's own", async () => {
    // Prepare
    const nextTo = installedNextToConfig('@mona-ecs/sender-slack', { exports: { '.': { import: './lib/index.js' } } });

    // Act
    const plugin = await loadPlugin({ spec: '@mona-ecs/sender-slack', configPath: nextTo, owner: 'senders[0]' });

    // Assess
    expect(plugin.name).toBe('installed');
  });

  it('fails with MONA_PLUGIN_NOT_FOUND for a path that does not exist', async () => {
    // Act
    const error = await codeOf(loadPlugin({ spec: './plugins/nope.mjs', configPath, owner: 'senders[0]' }));

    // Assess
    expect(error.code).toBe('MONA_PLUGIN_NOT_FOUND');
    expect(error.message).toContain('relative to the config file');
  });

  it('fails with MONA_PLUGIN_NOT_FOUND and an install hint for an unknown package', async () => {
    // Act
    const error = await codeOf(loadPlugin({ spec: '@mona-ecs/sender-does-not-exist', configPath, owner: 'senders[2]' }));

    // Assess
    expect(error.code).toBe('MONA_PLUGIN_NOT_FOUND');
    expect(error.message).toContain('npm install @mona-ecs/sender-does-not-exist');
    expect(error.message).toContain('senders[2]');
  });

  it('fails with MONA_PLUGIN_INVALID when the module has no default export', async () => {
    // Act
    const error = await codeOf(loadPlugin({ spec: './plugins/no-default.mjs', configPath, owner: 'senders[0]' }));

    // Assess
    expect(error.code).toBe('MONA_PLUGIN_INVALID');
    expect(error.message).toContain('no default export');
  });

  it('fails with MONA_PLUGIN_INVALID when the default export has no create()', async () => {
    // Act
    const error = await codeOf(loadPlugin({ spec: './plugins/missing-create.mjs', configPath, owner: 'senders[0]' }));

    // Assess
    expect(error.code).toBe('MONA_PLUGIN_INVALID');
    expect(error.message).toContain('`create` must be a function');
  });

  it('fails with MONA_PLUGIN_LOAD_FAILED when the module throws while importing', async () => {
    // Act
    const error = await codeOf(loadPlugin({ spec: './plugins/throws-on-import.mjs', configPath, owner: 'senders[0]' }));

    // Assess
    expect(error.code).toBe('MONA_PLUGIN_LOAD_FAILED');
    expect(error.message).toContain('broken at import time');
  });
});

describe('loadSenders and createSenders', () => {
  it('fails with MONA_OPTIONS_INVALID, listing every bad option with its config path', async () => {
    // Prepare
    const config = configWith({ plugin: './plugins/recording.mjs', options: { chanel: 'x', token: 3 } });

    // Act
    const error = await codeOf(loadSenders(config));

    // Assess
    expect(error.code).toBe('MONA_OPTIONS_INVALID');
    expect(error.message).toContain('/senders/0/options misses "channel"');
    expect(error.message).toContain('/senders/0/options has unknown key "chanel" (MONA_OPTIONS_INVALID; did you mean "channel"?');
    expect(error.message).toContain('/senders/0/options/token must be string');
  });

  it('fails with MONA_PLUGIN_CREATE_FAILED naming the plugin when create() throws', async () => {
    // Prepare
    const checked = await loadSenders(configWith({ plugin: './plugins/throws-in-create.mjs' }));

    // Act
    const error = await codeOf(createSenders(checked, silent));

    // Assess
    expect(error.code).toBe('MONA_PLUGIN_CREATE_FAILED');
    expect(error.message).toContain('throws-in-create');
    expect(error.message).toContain('cannot reach the mail server');
  });

  it('creates a sender with a per-instance name when everything fits', async () => {
    // Prepare
    const checked = await loadSenders(configWith({ plugin: './plugins/recording.mjs', options: { channel: '#ops' } }));

    // Act
    const live = await createSenders(checked, silent);

    // Assess
    expect(live).toHaveLength(1);
    expect(live[0]?.config.instanceName).toBe('senders[0]:./plugins/recording.mjs');
    expect(typeof live[0]?.sender.send).toBe('function');
  });
});
