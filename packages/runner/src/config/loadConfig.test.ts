import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, RunnerError } from '../errors.js';
import { loadConfig, parseConfig } from './loadConfig.js';

const at = { configPath: '/etc/mona/mona.json', env: {} };

function issuesOf(text: string, env: Record<string, string> = {}) {
  try {
    parseConfig(text, { ...at, env });
  } catch (error) {
    if (error instanceof ConfigError) return { code: error.code, issues: error.issues };
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('parseConfig', () => {
  it("applies the original mona's interval defaults, and a 600 s alert, to a minimal config", () => {
    // Act
    const config = parseConfig('{"ecsCluster":"prod","AWSRegion":"eu-west-1"}', at);

    // Assess
    expect(config).toMatchObject({
      clusters: [{ cluster: 'prod', region: 'eu-west-1' }],
      serviceNamesOverride: [],
      secondsUntilAlert: 600,
      checkIntervalSeconds: 5,
      logInterval: 5,
      refreshServicesInterval: 20,
      timeoutFrom: 'updatedAt',
      degradedAfterFailures: 3,
      enrichment: { enabled: true, whoDeployed: false },
      logLevel: 'info',
      senders: [],
    });
    expect(config.http).toBeUndefined();
  });

  it('merges ecsCluster and clusters, with per-cluster regions and the env region as fallback', () => {
    // Act
    const config = parseConfig('{"ecsCluster":"a","clusters":["b",{"name":"c","region":"us-east-1"}],"http":{"port":0}}', {
      ...at,
      env: { AWS_DEFAULT_REGION: 'eu-central-1' },
    });

    // Assess
    expect(config.clusters).toEqual([
      { cluster: 'a', region: 'eu-central-1' },
      { cluster: 'b', region: 'eu-central-1' },
      { cluster: 'c', region: 'us-east-1' },
    ]);
    expect(config.http).toEqual({ port: 0, host: '127.0.0.1' });
  });

  it('reports every schema error at once, each with its JSON path and a hint', () => {
    // Act
    const { code, issues } = issuesOf(
      JSON.stringify({
        ecsCluster: 'prod',
        AWSRegion: 'eu-west-1',
        secondsUntilAlert: 'soon',
        logInterval: 0,
        colour: 'red',
        timeoutFrom: 'later',
        senders: [{ options: {} }, { plugin: 'x', events: ['deploy', 'nope'] }],
        templates: { deployy: 'x' },
        http: { host: 'localhost' },
      }),
    );

    // Assess
    expect(code).toBe('MONA_CONFIG_INVALID');
    expect(issues.map((i) => i.path).sort()).toEqual(
      ['/', '/http', '/logInterval', '/secondsUntilAlert', '/senders/0', '/senders/1/events/1', '/templates', '/timeoutFrom'].sort(),
    );
    expect(issues.find((i) => i.path === '/')?.message).toContain('colour');
    expect(issues.find((i) => i.path === '/')?.hint).toContain('ecsCluster, clusters, AWSRegion');
    expect(issues.find((i) => i.path === '/senders/1/events/1')?.hint).toContain('deployDone');
    expect(issues.every((i) => i.hint.length > 0)).toBe(true);
    expect(issues.find((i) => i.path === '/logInterval')?.hint).toBe('use a number >= 1');
  });

  it('rejects template placeholders the event does not have, naming the allowed fields', () => {
    // Act
    const { issues } = issuesOf(
      '{"ecsCluster":"c","AWSRegion":"eu-west-1","templates":{"deploy":"{service} {servce}","scale":"{previousDesiredCount}"}}',
    );

    // Assess
    expect(issues).toEqual([expect.objectContaining({ path: '/templates/deploy', message: 'uses unknown field {servce}' })]);
    expect(issues[0]?.hint).toContain('taskDef');
  });

  it('reports cross-field problems together with schema errors', () => {
    // Act
    const { issues } = issuesOf('{"ecsClusterr":"prod","templates":{"deploy":"{taskDeff}"}}');

    // Assess
    expect(issues.map((i) => `${i.path} ${i.message}`)).toEqual([
      '/ has unknown key "ecsClusterr"',
      '/ names no cluster',
      '/templates/deploy uses unknown field {taskDeff}',
    ]);
  });

  it('rejects a config that names no cluster', () => {
    // Act
    const { issues } = issuesOf('{"AWSRegion":"eu-west-1"}');

    // Assess
    expect(issues).toEqual([expect.objectContaining({ path: '/', message: 'names no cluster' })]);
  });

  it('rejects a cluster entry that is neither a name nor { name, region }', () => {
    // Act
    const { issues } = issuesOf('{"AWSRegion":"eu-west-1","clusters":[{"region":"r"}]}');

    // Assess
    expect(issues.map((i) => i.path)).toContain('/clusters/0');
  });

  it('fails with MONA_REGION_MISSING when no region is configured anywhere', () => {
    // Act
    const { code, issues } = issuesOf('{"ecsCluster":"prod"}', { AWS_CONFIG_FILE: '/nonexistent/mona-test/aws-config' });

    // Assess
    expect(code).toBe('MONA_REGION_MISSING');
    expect(issues[0]?.hint).toContain('AWS_REGION');
  });

  it('fails with MONA_CONFIG_UNREADABLE on text that is not JSON', () => {
    // Act
    const act = () => parseConfig('{ ecsCluster: prod', at);

    // Assess
    expect(act).toThrow(expect.objectContaining({ code: 'MONA_CONFIG_UNREADABLE' }));
  });
});

describe('parseConfig: regions', () => {
  it('rejects a malformed region with the likely fix', () => {
    // Act
    const { issues } = issuesOf('{"ecsCluster":"prod","AWSRegion":"eu-west-l","clusters":["a",{"name":"b","region":"us-east1"}]}');

    // Assess
    expect(issues.map((i) => `${i.path} ${i.message} (${i.hint})`)).toEqual([
      '/AWSRegion region "eu-west-l" is not an AWS region name (did you mean "eu-west-1"? a region looks like eu-west-1 or us-east-2 (lower case, ending in a number); see aws ec2 describe-regions)',
      '/clusters/1/region region "us-east1" is not an AWS region name (a region looks like eu-west-1 or us-east-2 (lower case, ending in a number); see aws ec2 describe-regions)',
    ]);
  });

  it('rejects a malformed AWS_REGION, naming the variable', () => {
    // Act
    const { issues } = issuesOf('{"ecsCluster":"prod"}', { AWS_REGION: 'eu-west-l' });

    // Assess
    expect(issues).toEqual([expect.objectContaining({ path: '$AWS_REGION', message: 'region "eu-west-l" is not an AWS region name' })]);
  });
});

describe('loadConfig', () => {
  it('reports a missing formatter module together with the schema errors', async () => {
    // Prepare
    const dir = mkdtempSync(join(tmpdir(), 'mona-config-'));
    const file = join(dir, 'mona.json');
    writeFileSync(file, '{"ecsCluster":"prod","AWSRegion":"eu-west-1","formatter":"./fmt.mjs","logInterval":0}');

    // Act
    const error = await loadConfig(file, {}).catch((e: unknown) => e);

    // Assess
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).issues.map((i) => `${i.path} ${i.message}`)).toEqual([
      '/logInterval must be >= 1',
      `/formatter module "./fmt.mjs" cannot be loaded: no file at ${join(dir, 'fmt.mjs')} (paths are relative to the config file)`,
    ]);
    expect((error as ConfigError).message).toMatch(new RegExp(`^config ${file} has 2 problems:`));
  });

  it('reads a file and makes its path absolute', async () => {
    // Prepare
    const dir = mkdtempSync(join(tmpdir(), 'mona-config-'));
    const file = join(dir, 'mona.json');
    writeFileSync(file, '{"ecsCluster":"prod","AWSRegion":"eu-west-1"}');

    // Act
    const config = await loadConfig(file, {});

    // Assess
    expect(config.configPath).toBe(file);
  });

  it('fails with MONA_CONFIG_UNREADABLE when the file does not exist', async () => {
    // Act
    const error = await loadConfig('/nonexistent/mona.json', {}).catch((e: unknown) => e);

    // Assess
    expect(error).toBeInstanceOf(RunnerError);
    expect((error as RunnerError).code).toBe('MONA_CONFIG_UNREADABLE');
  });
});
