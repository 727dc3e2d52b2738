import {
  chmodSync,
  copyFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:http';
import type { IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { basename, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outsideEnv } from './support/outsideEnv.js';
import { packWorkspaces, publishedWorkspaces } from './support/packWorkspaces.js';
import type { PackedPackage } from './support/packWorkspaces.js';
import { runChecked, runCommand } from './support/runCommand.js';

const repo = fileURLToPath(new URL('../../../', import.meta.url));
const NPM_INSTALL = ['install', '--prefer-offline', '--no-audit', '--no-fund'];
const IMAGE_STEPS = join(repo, 'deploy', 'build-image-steps.sh');
/** Not part of the image: added to it the way the README's derived image adds a sender. */
const THIRD_PARTY = 'mona-sender-webhook';
/** Values for the `${env:…}` placeholders of examples/configs that their senders' schemas accept. */
const EXAMPLE_ENV: Record<string, string> = {
  SLACK_WEBHOOK_URL: 'https://hooks.slack.com/services/T000/B000/XXXX',
  SLACK_PROD_WEBHOOK_URL: 'https://hooks.slack.com/services/T000/B000/PROD',
  SLACK_STAGING_WEBHOOK_URL: 'https://hooks.slack.com/services/T000/B000/STAGING',
  SLACK_BOT_TOKEN: 'xoxb-000-000-example',
  MONA_TOPIC_ARN: 'arn:aws:sns:us-east-1:123456789012:mona-notifications',
  TEAMS_WORKFLOW_URL: 'https://prod-00.westeurope.logic.azure.com/workflows/0/triggers/manual/paths/invoke?sig=x',
};

let tmp = '';
let app = '';
let webhook = '';
let packed: PackedPackage[] = [];
let env: NodeJS.ProcessEnv = {};

const mona = (args: string[], extraEnv: Record<string, string> = {}, timeoutMs = 60_000) =>
  runCommand(join(app, 'node_modules', '.bin', 'mona'), args, { cwd: app, env: { ...env, ...extraEnv }, timeoutMs });

function tarballOf(name: string): string {
  const found = packed.find((p) => p.name === name);
  if (!found) throw new Error(`${name} was not packed (packed: ${packed.map((p) => p.name).join(', ')})`);
  return found.tarball;
}

/** examples/sender-webhook as a plugin author has it after copying it out: sources, no build, no node_modules. */
function copyWebhookExample(to: string): void {
  const from = join(repo, 'examples', 'sender-webhook');
  cpSync(from, to, { recursive: true, filter: (source) => !/(^|[\\/])(node_modules|dist)$/.test(relative(from, source)) });
}

function exampleEnv(configText: string): Record<string, string> {
  const names = [...configText.matchAll(/\$\{env:([A-Za-z_][A-Za-z0-9_]*)\}/g)].map((m) => m[1] ?? '');
  return Object.fromEntries(names.map((name) => [name, EXAMPLE_ENV[name] ?? `value-of-${name}`]));
}

beforeAll(async () => {
  tmp = mkdtempSync(join(tmpdir(), 'mona-pack-'));
  env = outsideEnv(process.env, repo.replace(/[\\/]$/, ''), { NO_COLOR: '1' });
  const [all, image, thirdParty] = ['packed', 'image-tarballs', 'third-party'].map((d) => join(tmp, d)) as [string, string, string];
  app = join(tmp, 'app');
  webhook = join(tmp, 'sender-webhook');
  for (const dir of [all, image, thirdParty]) mkdirSync(dir);
  copyWebhookExample(webhook);

  packed = await packWorkspaces(repo, publishedWorkspaces(repo), all, env);
  for (const p of packed) copyFileSync(p.tarball, join(p.name === THIRD_PARTY ? thirdParty : image, basename(p.tarball)));
  // Every package of ours must come from its tarball: none is on the registry yet, so a name
  // that npm would have to fetch fails the install instead of passing unnoticed.
  await Promise.all([
    // The app folder is installed by the image's own step, then a third-party sender is added to
    // it as the README's derived image does.
    runChecked('bash', [IMAGE_STEPS, 'install', image, app], { cwd: tmp, env, timeoutMs: 240_000 }).then(() =>
      runChecked('npm', [...NPM_INSTALL, '--omit=dev', tarballOf(THIRD_PARTY)], { cwd: app, env, timeoutMs: 240_000 }),
    ),
    runChecked('npm', [...NPM_INSTALL, tarballOf('@mona-ecs/core')], { cwd: webhook, env, timeoutMs: 240_000 }).then(() =>
      runChecked('npm', ['run', 'build'], { cwd: webhook, env, timeoutMs: 120_000 }),
    ),
  ]);
}, 420_000);

afterAll(() => {
  if (tmp !== '') rmSync(tmp, { recursive: true, force: true });
});

describe('the published packages, installed from their tarballs outside the workspace', () => {
  it('installs into a folder that cannot see the workspace or its dev tools', async () => {
    // Act
    const probe = await runCommand(process.execPath, ['--input-type=module', '-e', "await import('vitest')"], {
      cwd: app,
      env,
      timeoutMs: 30_000,
    });
    const installed = readdirSync(join(app, 'node_modules'));

    // Assess
    expect(relative(repo, tmp).startsWith('..')).toBe(true);
    expect(probe.code).not.toBe(0);
    expect(probe.stderr).toContain('ERR_MODULE_NOT_FOUND');
    for (const dev of ['vitest', 'vite', 'nx', 'typescript', 'eslint', 'prettier', 'aws-sdk-client-mock'])
      expect(installed).not.toContain(dev);
  });

  it('passes the image build check: production dependencies only, and the installed mona runs', async () => {
    // Act
    const check = await runCommand('bash', [IMAGE_STEPS, 'check', app, join(repo, 'package.json')], { cwd: tmp, env, timeoutMs: 60_000 });

    // Assess
    expect(check.code, check.stderr).toBe(0);
    expect(check.stdout).toMatch(/^mona --version: \d+\.\d+\.\d+/m);
    expect(check.stdout).toMatch(/^node_modules: \d+ KiB on disk/m);
  });

  it("warms the image's compile cache: the compiled code of the CLI's modules, where Node has the cache", async () => {
    // Prepare: as root, warm as another user, as the image does for "node" (the cache is kept per user id)
    const asUser = process.getuid?.() === 0 ? 'nobody' : undefined;
    if (asUser) chmodSync(tmp, 0o755); // mkdtemp's 0700 would keep that user out of the installed app

    // Act
    const warm = await runCommand('bash', [IMAGE_STEPS, 'warm', app, ...(asUser ? [asUser] : [])], { cwd: tmp, env, timeoutMs: 60_000 });

    // Assess: Node 22.1+ (the image's runtime) writes the cache; this suite also runs on Node 20, which has none
    expect(warm.code, warm.stderr).toBe(0);
    const [major = 0, minor = 0] = process.versions.node.split('.').map(Number);
    if (major > 22 || (major === 22 && minor >= 1)) {
      const modules = Number(/^compile cache: (\d+) modules/m.exec(warm.stdout)?.[1]);
      expect(modules, warm.stdout).toBeGreaterThan(300);
      const uid = asUser
        ? (await runCommand('id', ['-u', asUser], { cwd: tmp, env, timeoutMs: 5_000 })).stdout.trim()
        : String(process.getuid?.());
      expect(readdirSync(join(app, '.compile-cache')).every((dir) => dir.endsWith(`-${uid}`))).toBe(true);
    } else {
      expect(warm.stdout).toMatch(/^compile cache: none \(node v\d+/m);
    }
  });

  it('ships a LICENSE, a README and the metadata in every tarball, and no build info, source maps, sources or tests', () => {
    // Prepare
    const license = readFileSync(join(repo, 'LICENSE'), 'utf8');

    // Act
    const manifests = packed.map((p) => ({
      p,
      json: JSON.parse(readFileSync(join(app, 'node_modules', p.name, 'package.json'), 'utf8')) as Record<string, unknown>,
    }));
    const entryPoint = /ENTRYPOINT \["node", "\/app\/(node_modules\/[^"]+)"\]/.exec(
      readFileSync(join(repo, 'deploy', 'Dockerfile'), 'utf8'),
    )?.[1];

    // Assess
    expect(packed.map((p) => p.name).sort()).toEqual(
      [
        '@mona-ecs/core',
        '@mona-ecs/ecs-simulator',
        '@mona-ecs/sender-email',
        '@mona-ecs/sender-slack',
        '@mona-ecs/sender-webhook',
        '@mona-ecs/sender-sns',
        '@mona-ecs/state-dynamodb',
        'mona-ecs',
        'mona-sender-webhook',
      ].sort(),
    );
    for (const { p, json } of manifests) {
      expect(p.files, p.name).toContain('LICENSE');
      expect(p.files, p.name).toContain('README.md');
      expect(
        p.files.filter((f) => /\.tsbuildinfo$|\.map$|\.test\.|__fixtures__|^src\//.test(f)),
        p.name,
      ).toEqual([]);
      expect(readFileSync(join(app, 'node_modules', p.name, 'LICENSE'), 'utf8'), p.name).toBe(license);
      expect(json, p.name).toMatchObject({ license: 'MIT', engines: { node: '>=22' }, repository: { type: 'git' } });
      expect(json['homepage'], p.name).toEqual(expect.any(String));
      expect(JSON.stringify(json), p.name).not.toMatch(/"\*"|workspace:/);
    }
    expect(entryPoint && existsSync(join(app, entryPoint))).toBe(true);
  });

  it('prints the installed version on mona --version, mona -v and npx mona-ecs --version', async () => {
    // Prepare
    const { version } = JSON.parse(readFileSync(join(repo, 'packages', 'runner', 'package.json'), 'utf8')) as { version: string };

    // Act
    const long = await mona(['--version']);
    const short = await mona(['-v']);
    const npx = await runCommand('npx', ['--no', '--', 'mona-ecs', '--version'], { cwd: app, env, timeoutMs: 60_000 });

    // Assess
    expect([long.code, long.stdout]).toEqual([0, `${version}\n`]);
    expect([short.code, short.stdout]).toEqual([0, `${version}\n`]);
    expect([npx.code, npx.stdout]).toEqual([0, `${version}\n`]);
  });

  it('validates every example config, with the senders of mona-ecs and one added as a derived image adds it', async () => {
    // Prepare
    const examples = join(repo, 'examples', 'configs');
    const files = readdirSync(examples).filter((f) => f.endsWith('.json'));
    cpSync(examples, join(app, 'configs'), { recursive: true });

    // Act
    const results = [];
    for (const file of files) {
      const text = readFileSync(join(examples, file), 'utf8');
      results.push({ file, ...(await mona(['validate', '--config', join('configs', file)], exampleEnv(text))) });
    }

    // Assess
    expect(files.length).toBeGreaterThan(0);
    for (const r of results) expect(r.code, `${r.file}: ${r.stderr}`).toBe(0);
  });

  it('plays a short demo on the installed simulator to its end', async () => {
    // Act
    const demo = await mona(['demo', '--beat-ms', '50'], {}, 90_000);

    // Assess
    expect(demo.code, demo.stderr).toBe(0);
    // What reaches the console at this pace depends on the machine's load; that the installed
    // CLI, simulator and senders play the story to its end does not.
    expect(demo.stdout).toContain('is deployed and monitoring');
    expect(demo.stdout).toContain('deployment started');
    expect(demo.stdout).toContain('the demo is over');
  });

  it('runs every command but demo without the simulator installed', async () => {
    // Prepare
    const simulator = join(app, 'node_modules', '@mona-ecs', 'ecs-simulator');
    const hidden = join(tmp, 'ecs-simulator.hidden');
    renameSync(simulator, hidden);
    try {
      // Act
      // (the CLI imports every command up front, so any command that ran proves it for all of them)
      const version = await mona(['--version']);
      const validate = await mona(['validate', '--config', join('configs', 'sns.json')], {
        MONA_TOPIC_ARN: EXAMPLE_ENV['MONA_TOPIC_ARN'] ?? '',
      });
      const demo = await mona(['demo', '--beat-ms', '50']);

      // Assess
      expect(version.code, version.stderr).toBe(0);
      expect(validate.code, validate.stderr).toBe(0);
      expect(demo.code).not.toBe(0);
      expect(demo.stderr).toContain('@mona-ecs/ecs-simulator');
    } finally {
      renameSync(hidden, simulator);
    }
  });

  it('loads a third-party sender built outside the repository against the packed core, and delivers through it', async () => {
    // Prepare
    const received: Array<{ method: string | undefined; headers: IncomingHttpHeaders; body: string }> = [];
    const server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        received.push({ method: req.method, headers: req.headers, body: Buffer.concat(chunks).toString() });
        res.writeHead(204).end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const config = {
      ecsCluster: 'prod',
      AWSRegion: 'eu-west-1',
      senders: [{ plugin: `./${relative(app, join(webhook, 'dist', 'index.js'))}`, options: { url: `http://127.0.0.1:${port}/hook` } }],
    };
    writeFileSync(join(app, 'webhook.json'), JSON.stringify(config));

    try {
      // Act
      const validate = await mona(['validate', '--config', 'webhook.json']);
      const sent = await mona(['test-sender', '--config', 'webhook.json']);

      // Assess
      expect(existsSync(join(webhook, 'node_modules', 'typescript'))).toBe(true);
      expect(existsSync(join(webhook, 'dist', 'index.d.ts'))).toBe(true);
      expect(validate.code, validate.stderr).toBe(0);
      expect(sent.code, sent.stderr).toBe(0);
      expect(received).toHaveLength(1);
      expect(received[0]?.method).toBe('POST');
      expect(received[0]?.headers['user-agent']).toBe('mona-sender-webhook');
      expect(JSON.parse(received[0]?.body ?? '{}')).toMatchObject({
        id: expect.stringMatching(/^mona-test\//),
        event: { type: 'MonitorStarted', cluster: 'prod' },
      });
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
