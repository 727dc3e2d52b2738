import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';

const RUN_COMMAND = new URL('../../dist/commands/run.js', import.meta.url).href;

/**
 * Every module a fresh Node loads while importing `specifiers`: the ES modules' URLs (a module
 * hook records them) and the paths of the CommonJS modules they required (Node's require cache).
 */
function modulesLoadedBy(specifiers: string[]): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'mona-startup-'));
  const log = join(dir, 'loaded.txt');
  writeFileSync(
    join(dir, 'hooks.mjs'),
    `import { appendFileSync } from 'node:fs';\nexport async function load(url, context, next) { appendFileSync(${JSON.stringify(log)}, url + '\\n'); return next(url, context); }\n`,
  );
  writeFileSync(join(dir, 'register.mjs'), `import { register } from 'node:module';\nregister('./hooks.mjs', import.meta.url);\n`);
  writeFileSync(log, '');
  const script = [
    ...specifiers.map((s) => `await import(${JSON.stringify(s)});`),
    "const { createRequire } = await import('node:module');",
    `(await import('node:fs')).appendFileSync(${JSON.stringify(log)}, Object.keys(createRequire(import.meta.url).cache).join('\\n') + '\\n');`,
  ].join('\n');
  const result = spawnSync(
    process.execPath,
    ['--import', pathToFileURL(join(dir, 'register.mjs')).href, '--input-type=module', '-e', script],
    {
      encoding: 'utf8',
      timeout: 30_000,
      cwd: new URL('../..', import.meta.url),
    },
  );
  expect(result.status, result.stderr).toBe(0);
  return readFileSync(log, 'utf8').split('\n').filter(Boolean);
}

describe('what `mona run` loads at start (issue 13: pay for what is used)', () => {
  it('loads no SDK client, credential provider or formatter that only some configs need', () => {
    // Act: everything `mona run` imports before it reads its config, and the Slack sender
    const loaded = modulesLoadedBy([RUN_COMMAND, '@mona-ecs/sender-slack']);

    // Assess: the hook saw the imports, and the config is checked by generated code, not a compiled schema
    expect(loaded.some((url) => url.includes('@aws-sdk/client-ecs'))).toBe(true);
    expect(loaded.some((url) => url.endsWith('/config/configValidator.generated.js'))).toBe(true);
    expect(loaded.some((path) => path.includes('/rxjs/dist/cjs/'))).toBe(true); // CommonJS modules are listed too
    for (const lazy of [
      '@aws-sdk/client-sqs', // the events input, when events.sqsQueueUrl is set
      '@aws-sdk/client-sts', // assumed roles and access checks
      '@aws-sdk/credential-providers',
      '@aws-sdk/client-cloudtrail', // whoDeployed
      '@aws-sdk/client-dynamodb', // state.dynamodb
      '@slack/web-api', // the Slack bot sender
      'pino-pretty', // --pretty
      'ecs-simulator', // mona demo
      '/ajv/dist/ajv.js', // only for a sender without a precompiled validateOptions (the built-in ones have one)
    ]) {
      expect(
        loaded.filter((url) => url.includes(lazy)),
        lazy,
      ).toEqual([]);
    }
  });
});
