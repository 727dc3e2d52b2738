// The state benchmark (issue 14): what durable state costs and how fast a replica takes over.
// - checkpoint cost per sweep at 1,000 and 5,000 services, file store and DynamoDB (dynalite on
//   127.0.0.1): ms and bytes written per save, for a quiet sweep and one where 1 % of services
//   deploy, from real snapshots (the simulator through the ECS source) and the real reducer;
// - DynamoDB calls per sweep of `mona run` (the built CLI, one replica: lease round + checkpoint);
// - failover: two replicas on one table, kill -9 the holder, time to the first sweep of the other.
// Medians of several runs. Run on its own with `node bench/state.mjs` (packages built), or from
// `npm run bench`. Writes bench/state.json and the "State" section of bench/RESULTS.md.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { RateLimiter, createEcsSource } from '@mona-ecs/core/ecs';
import { DEFAULT_MONITOR_CONFIG, reduce } from '@mona-ecs/core/pipeline';
import { createFileStore, toCheckpoint } from '@mona-ecs/core/state';
import { startSimulator } from '@mona-ecs/ecs-simulator';
import { createDynamoDbStore } from '@mona-ecs/state-dynamodb';
import dynalite from 'dynalite';
import { percentile, seededRandom, sleep } from './lib/stats.mjs';
import { marks, writeSection } from './lib/sections.mjs';

const here = (file) => fileURLToPath(new URL(file, import.meta.url));
const CLI = here('../packages/runner/dist/cli.js');
const SIZES = (process.env.BENCH_STATE_SIZES ?? '1000,5000').split(',').map(Number);
const SAVES = Number(process.env.BENCH_STATE_SAVES ?? 7);
const FAILOVERS = Number(process.env.BENCH_STATE_FAILOVERS ?? 3);
const LEASE_SECONDS = 5;
const INTERVAL_SECONDS = 1;
const REF = { cluster: 'default', region: 'us-east-1' };
const KEY = `${REF.region}/${REF.cluster}`; // core's clusterKey
const MARK = marks('state');
const CREDENTIALS = { accessKeyId: 'AKIABENCH', secretAccessKey: 'bench' };
const median = (values) => percentile(values, 50);
// The ECS and DynamoDB clients in this process talk to local servers only; they still sign.
process.env.AWS_ACCESS_KEY_ID = CREDENTIALS.accessKeyId;
process.env.AWS_SECRET_ACCESS_KEY = CREDENTIALS.secretAccessKey;
process.env.AWS_REGION = REF.region;
process.env.AWS_EC2_METADATA_DISABLED = 'true';
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';

/** Dynalite behind a proxy that counts each call (by `X-Amz-Target`) and the request bytes. */
async function startCountingDynamo() {
  const db = dynalite({ createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 });
  await new Promise((resolve) => db.listen(0, '127.0.0.1', resolve));
  const target = db.address().port;
  const counts = { calls: {}, bytes: 0 };
  const proxy = createServer((req, res) => {
    const action = String(req.headers['x-amz-target'] ?? '')
      .split('.')
      .pop();
    counts.calls[action] = (counts.calls[action] ?? 0) + 1;
    const upstream = request({ host: '127.0.0.1', port: target, method: req.method, path: req.url, headers: req.headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 500, answer.headers);
      answer.pipe(res);
    });
    req.on('data', (chunk) => (counts.bytes += chunk.length));
    req.pipe(upstream);
  });
  await new Promise((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  return {
    endpoint: `http://127.0.0.1:${proxy.address().port}`,
    counts,
    snapshot: () => ({ calls: Object.values(counts.calls).reduce((a, b) => a + b, 0), bytes: counts.bytes, byAction: { ...counts.calls } }),
    close: async () => {
      proxy.closeAllConnections();
      db.closeAllConnections?.();
      await Promise.all([new Promise((r) => proxy.close(r)), new Promise((r) => db.close(r))]);
    },
  };
}

/** Real snapshots of `services` services: a first sweep, then quiet ones, then ones where 1 % deploy. */
async function captureSweeps(services, count) {
  const sim = await startSimulator({ clock: 'fake', seed: 14 });
  try {
    const names = sim.createServices(services, { prefix: 'svc', history: 5 });
    const limiter = new RateLimiter({ requestsPerSecond: 1e9, burst: 1e9 });
    const source = createEcsSource({ endpoint: sim.url, rateLimiter: limiter, refreshServicesInterval: 1000 });
    const random = seededRandom(7);
    const first = await source.sweep(REF, 0);
    const quiet = [];
    const busy = [];
    for (let i = 1; i <= count; i += 1) {
      sim.advance(5_000);
      quiet.push(await source.sweep(REF, i));
    }
    for (let i = 1; i <= count; i += 1) {
      for (let k = 0; k < Math.ceil(services / 100); k += 1) sim.deploy(names[Math.floor(random() * names.length)]);
      sim.advance(5_000);
      busy.push(await source.sweep(REF, count + i));
    }
    return { first, quiet, busy };
  } finally {
    await sim.close();
  }
}

/**
 * Saves the reducer's state after each sweep, as the runner does; ms, bytes and calls per save.
 * `begin()` is called before each save and returns what that save wrote, read after it.
 */
async function measureSaves(store, sweeps, begin) {
  let state = reduce(undefined, sweeps.first, DEFAULT_MONITOR_CONFIG).state;
  await store.checkpoints.save(KEY, toCheckpoint(state, sweeps.first.observedAt)); // the first, full save
  const result = {};
  for (const kind of ['quiet', 'busy']) {
    const ms = [];
    const bytes = [];
    const calls = [];
    for (const sweep of sweeps[kind]) {
      state = reduce(state, sweep, DEFAULT_MONITOR_CONFIG).state;
      const checkpoint = toCheckpoint(state, sweep.observedAt);
      const written = begin();
      const startedAt = performance.now();
      await store.checkpoints.save(KEY, checkpoint);
      ms.push(performance.now() - startedAt);
      const save = written();
      bytes.push(save.bytes);
      calls.push(save.calls);
    }
    result[kind] = { ms: median(ms), bytes: median(bytes), calls: median(calls) };
  }
  return result;
}

async function checkpointCost(services, dynamo) {
  const sweeps = await captureSweeps(services, SAVES);
  const dir = mkdtempSync(join(tmpdir(), 'mona-bench-state-'));
  const path = join(dir, 'state.json');
  const file = await createFileStore({ path });
  try {
    // The file store rewrites the whole file each save: its size is what one save writes.
    const fileResult = await measureSaves(file, sweeps, () => () => ({ bytes: statSync(path).size, calls: 0 }));
    const table = `bench-${services}`;
    const store = await createDynamoDbStore({
      table,
      endpoint: dynamo.endpoint,
      region: 'us-east-1',
      createTable: true,
      clientConfig: { credentials: CREDENTIALS },
    });
    try {
      const dynamoResult = await measureSaves(store, sweeps, () => {
        const before = dynamo.snapshot();
        return () => {
          const after = dynamo.snapshot();
          return { bytes: after.bytes - before.bytes, calls: after.calls - before.calls };
        };
      });
      return { services, file: fileResult, dynamodb: dynamoResult };
    } finally {
      await store.close();
    }
  } finally {
    await file.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

function startMona(config) {
  const dir = mkdtempSync(join(tmpdir(), 'mona-bench-replica-'));
  const file = join(dir, 'mona.json');
  writeFileSync(file, JSON.stringify(config));
  const env = {
    ...process.env,
    AWS_ACCESS_KEY_ID: CREDENTIALS.accessKeyId,
    AWS_SECRET_ACCESS_KEY: CREDENTIALS.secretAccessKey,
    AWS_REGION: config.AWSRegion,
    MONA_STATE_DIR: dir,
  };
  const child = spawn(process.execPath, [CLI, 'run', '--config', file], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  const out = { text: '' };
  child.stdout.setEncoding('utf8').on('data', (c) => (out.text += c));
  child.stderr.setEncoding('utf8').on('data', (c) => (out.text += c));
  const exited = new Promise((resolve) => child.once('close', resolve));
  const port = () => {
    const line = out.text.split('\n').find((l) => l.includes('"msg":"mona started"'));
    return line === undefined ? undefined : JSON.parse(line).http;
  };
  const holds = async () => {
    if (port() === undefined || child.exitCode !== null) return false;
    const body = await (await fetch(`http://127.0.0.1:${port()}/readyz`)).json().catch(() => ({ clusters: [] }));
    return body.clusters.some((c) => c.held === true);
  };
  return {
    out,
    holds,
    stop: () => (child.kill('SIGTERM'), exited),
    kill: () => (child.kill('SIGKILL'), exited),
  };
}

async function waitFor(check, timeoutMs, what) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await sleep(20);
  }
  throw new Error(`bench/state: timed out waiting for ${what}`);
}

const replicaConfig = (sim, dynamo, table) => ({
  ecsCluster: 'default',
  AWSRegion: sim.region,
  checkIntervalSeconds: INTERVAL_SECONDS,
  secondsUntilAlert: 600,
  logLevel: 'info',
  http: { port: 0 },
  // The limiter opened wide: a sweep of 1,000 services takes well under the interval, so the
  // calls counted are per sweep, not per lease round of a sweep spread over many intervals.
  ecs: { endpoint: sim.url, requestsPerSecond: 1000 },
  senders: [],
  state: { dynamodb: { table, endpoint: dynamo.endpoint, region: 'us-east-1', createTable: true, leaseSeconds: LEASE_SECONDS } },
});

/** DynamoDB calls per sweep of one replica of `mona run` watching `services` services, quiet. */
async function callsPerSweep(services, dynamo) {
  const sim = await startSimulator({ clock: 'real', stepMs: 500, seed: 21 });
  sim.createServices(services, { prefix: 'svc', desiredCount: 1 });
  const mona = startMona(replicaConfig(sim, dynamo, `bench-calls-${services}`));
  try {
    const describesPerSweep = Math.ceil(services / 10);
    await waitFor(() => mona.holds(), 60_000, 'the replica to hold the cluster');
    // Past the first sweeps and the first, full save.
    await waitFor(() => (sim.calls.DescribeServices ?? 0) >= 3 * describesPerSweep, 60_000, 'three sweeps');
    const before = { dynamo: dynamo.snapshot(), describes: sim.calls.DescribeServices ?? 0 };
    await sleep(10 * INTERVAL_SECONDS * 1000);
    const after = { dynamo: dynamo.snapshot(), describes: sim.calls.DescribeServices ?? 0 };
    const sweeps = (after.describes - before.describes) / describesPerSweep;
    const byAction = Object.fromEntries(
      Object.entries(after.dynamo.byAction).map(([action, n]) => [
        action,
        +((n - (before.dynamo.byAction[action] ?? 0)) / sweeps).toFixed(2),
      ]),
    );
    return { services, sweeps: Math.round(sweeps), callsPerSweep: (after.dynamo.calls - before.dynamo.calls) / sweeps, byAction };
  } finally {
    await mona.stop();
    await sim.close();
  }
}

/** Two replicas, kill -9 the holder: ms from the kill to the first DescribeServices of the other. */
async function failoverOnce(run, dynamo) {
  const sim = await startSimulator({ clock: 'real', stepMs: 500, seed: 30 + run });
  sim.createServices(20, { prefix: 'svc', desiredCount: 1 });
  const table = `bench-failover-${run}`;
  const replicas = [startMona(replicaConfig(sim, dynamo, table)), startMona(replicaConfig(sim, dynamo, table))];
  try {
    await waitFor(async () => (await Promise.all(replicas.map((r) => r.holds()))).filter(Boolean).length === 1, 60_000, 'one holder');
    const holder = (await replicas[0].holds()) ? replicas[0] : replicas[1];
    const other = replicas.find((r) => r !== holder);
    await sleep(2 * INTERVAL_SECONDS * 1000);
    await holder.kill();
    const killedAt = performance.now();
    const describes = sim.calls.DescribeServices ?? 0;
    await waitFor(() => (sim.calls.DescribeServices ?? 0) > describes, 60_000, 'the first sweep of the new holder');
    const ms = performance.now() - killedAt;
    await other.stop();
    return ms;
  } finally {
    await Promise.all(replicas.map((r) => r.kill()));
    await sim.close();
  }
}

export async function runStateBench(note = process.env.BENCH_NOTE) {
  const dynamo = await startCountingDynamo();
  try {
    const checkpoints = [];
    for (const services of SIZES) {
      process.stdout.write(`  checkpoint per sweep at ${services} services (file, DynamoDB) … `);
      const result = await checkpointCost(services, dynamo);
      checkpoints.push(result);
      console.log(
        `file ${result.file.quiet.ms.toFixed(1)} ms / ${kb(result.file.quiet.bytes)}, DynamoDB ${result.dynamodb.quiet.ms.toFixed(1)} ms / ${result.dynamodb.quiet.calls} calls (quiet)`,
      );
    }
    process.stdout.write('  DynamoDB calls per sweep of mona run (1,000 services, one replica) … ');
    const calls = await callsPerSweep(1000, dynamo);
    console.log(`${calls.callsPerSweep.toFixed(2)} per sweep`);
    const failovers = [];
    for (let run = 0; run < FAILOVERS; run += 1) {
      process.stdout.write(`  failover ${run + 1}/${FAILOVERS} (lease ${LEASE_SECONDS} s, interval ${INTERVAL_SECONDS} s) … `);
      failovers.push(await failoverOnce(run, dynamo));
      console.log(`${(failovers.at(-1) / 1000).toFixed(2)} s`);
    }
    const results = {
      date: new Date().toISOString(),
      ...(note ? { note } : {}),
      checkpoints,
      calls,
      failover: { leaseSeconds: LEASE_SECONDS, intervalSeconds: INTERVAL_SECONDS, runsMs: failovers, medianMs: median(failovers) },
    };
    writeFileSync(here('./state.json'), `${JSON.stringify(results, null, 2)}\n`);
    writeStateSection();
    return results;
  } finally {
    await dynamo.close();
  }
}

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;

/** The RESULTS.md section of the state numbers. */
export function stateSection(s) {
  const rows = s.checkpoints
    .flatMap((c) =>
      ['quiet', 'busy'].map(
        (kind) =>
          `| ${c.services} | ${kind === 'quiet' ? 'quiet' : '1 % deploying'} | ${c.file[kind].ms.toFixed(1)} | ${kb(c.file[kind].bytes)} | ${c.dynamodb[kind].ms.toFixed(1)} | ${kb(c.dynamodb[kind].bytes)} | ${c.dynamodb[kind].calls} |`,
      ),
    )
    .join('\n');
  const actions = Object.entries(s.calls.byAction)
    .map(([action, n]) => `${action} ${n}`)
    .join(', ');
  return `${MARK.start}
## State

Generated by \`node bench/state.mjs\` on ${s.date}${s.note ? ` (${s.note})` : ''}. Checkpoint per sweep: real snapshots
(the simulator through the ECS source) reduced by the real reducer, then saved as \`mona run\` saves them after each
sweep; median of ${SAVES} saves. The file store rewrites its whole file (atomic write with fsync); DynamoDB (dynalite on
127.0.0.1, so no network latency) writes only the services whose state changed, plus the meta item.

| services | sweep | file (ms) | file (written) | DynamoDB (ms) | DynamoDB (sent) | DynamoDB calls |
| -------: | ----- | --------: | -------------: | ------------: | --------------: | -------------: |
${rows}

DynamoDB calls per sweep of \`mona run\` (built CLI, one replica, ${s.calls.services} quiet services, ${s.calls.sweeps} sweeps
counted): **${s.calls.callsPerSweep.toFixed(2)}** (${actions}): the lease round (heartbeat, members, renewal) and the checkpoint.

Failover (two replicas on one table, 20 services, \`leaseSeconds\` ${s.failover.leaseSeconds}, interval
${s.failover.intervalSeconds} s; kill -9 of the holder to the first DescribeServices of the other): median
**${(s.failover.medianMs / 1000).toFixed(2)} s** over ${s.failover.runsMs.length} runs
(${s.failover.runsMs.map((ms) => (ms / 1000).toFixed(2)).join(', ')} s); the bound is the lease plus one interval,
${s.failover.leaseSeconds + s.failover.intervalSeconds} s.
${MARK.end}
`;
}

/** Put the state section into bench/RESULTS.md (replacing an earlier one), from bench/state.json. */
export function writeStateSection() {
  if (!existsSync(here('./state.json'))) return;
  const results = JSON.parse(readFileSync(here('./state.json'), 'utf8'));
  writeSection(MARK, stateSection(results));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  runStateBench().then(
    () => process.exit(0),
    (error) => {
      console.error(error);
      process.exit(1);
    },
  );
}
