// Idle start: the built CLI (`mona run`) against a 10-service simulator with one Slack webhook
// sender, measured from outside through /proc: RSS and CPU once it has said "monitoring" and sat
// idle for two more seconds. Issue 13's target: ≤ 70 MB and ≤ 0.3 s of CPU.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { spawnChild } from './ipc.mjs';
import { sleep } from './stats.mjs';

// What users run: the committed bin (it turns on Node's compile cache where Node has one), then dist/cli.js.
const CLI = process.env.IDLE_CLI ?? fileURLToPath(new URL('../../packages/runner/bin/mona.js', import.meta.url));
const CLOCK_TICKS = 100; // USER_HZ on Linux

function procStats(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (key) => Number(new RegExp(`^${key}:\\s+(\\d+)`, 'm').exec(status)?.[1] ?? NaN);
  // Fields after the command name (which may hold spaces): utime is the 14th field, stime the 15th.
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const cpuSeconds = (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
  return { rssMB: kb('VmRSS') / 1024, peakRssMB: kb('VmHWM') / 1024, cpuSeconds };
}

const FLOOR = fileURLToPath(new URL('../idleFloorChild.mjs', import.meta.url));

const CLUSTER = 'default';

/** One idle start of `mona run`; resolves with RSS and CPU at "monitoring + 2 s". */
export function measureIdleStart() {
  return measureIdle('mona', ({ url, region, hook, dir }) => {
    const config = join(dir, 'mona.json');
    const settings = {
      ecsCluster: CLUSTER,
      AWSRegion: region,
      checkIntervalSeconds: 2,
      logLevel: 'warn',
      ecs: { endpoint: url },
      senders: [{ plugin: '@mona-ecs/sender-slack', options: { webhookUrl: hook } }],
    };
    writeFileSync(config, JSON.stringify(settings));
    return [CLI, 'run', '--config', config];
  });
}

/**
 * The same measurement of `idleFloorChild.mjs`: the libraries Mona is built on (RxJS, the ECS
 * client, pino, Node's HTTP) polling the same cluster, without Mona. No change to Mona's own code
 * can bring `mona run` under this.
 */
export function measureIdleFloor() {
  return measureIdle('floor', ({ url, region, hook }) => [FLOOR, url, region, CLUSTER, hook]);
}

/** Starts what `argsFor` names (Node's arguments, given the simulator, the webhook and a fresh directory) and measures it. */
async function measureIdle(what, argsFor) {
  let heard = 0;
  const slack = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      heard += 1;
      res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
    });
  });
  await new Promise((resolve) => slack.listen(0, '127.0.0.1', resolve));
  const sim = spawnChild(fileURLToPath(new URL('../simChild.mjs', import.meta.url)));
  let child;
  try {
    const { url, region } = await sim.call('start', { services: 10, history: 'realistic', throttle: false });
    const hook = `http://127.0.0.1:${slack.address().port}/hook`;
    const dir = mkdtempSync(join(tmpdir(), 'mona-bench-idle-'));
    const env = {
      ...process.env,
      AWS_ACCESS_KEY_ID: 'bench',
      AWS_SECRET_ACCESS_KEY: 'bench',
      AWS_EC2_METADATA_DISABLED: 'true',
      NODE_NO_WARNINGS: '1',
      // The default file store, in this run's own directory (a state left by an earlier run would
      // make Mona resume instead of announcing itself).
      MONA_STATE_DIR: dir,
    };
    const args = argsFor({ url, region, hook, dir });
    child = spawn(process.execPath, [...(process.env.IDLE_NODE_ARGS?.split(' ').filter(Boolean) ?? []), ...args], {
      env,
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (c) => (stderr += c));
    const startedAt = Date.now();
    while (heard === 0 && Date.now() - startedAt < 60_000 && child.exitCode === null) await sleep(20);
    if (heard === 0) throw new Error(`${what} did not say "monitoring" within 60 s: ${stderr.slice(-1000)}`);
    const startupMs = Date.now() - startedAt;
    await sleep(2_000);
    return { startupMs, ...procStats(child.pid) };
  } finally {
    child?.kill('SIGTERM');
    await sim.call('close').catch(() => undefined);
    await new Promise((resolve) => slack.close(resolve));
  }
}
