// The accounts benchmark (issue 16): 10 accounts × 2 regions × 500 services, each account behind
// its own role, watched by one process with one client and one rate limiter per account and
// region (Mona's default pace, 10 calls/s per bucket) against the simulator's throttling model
// (ECS's bucket per account and region). Measures sweep time, calls and throttles per bucket,
// and Mona's CPU and peak RSS (the simulator runs in this process, not counted). Run on its own
// with `node bench/accounts.mjs` (packages built), or from `npm run bench`. Writes
// bench/accounts.json and the "Accounts" section of bench/RESULTS.md.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { startOrganization } from '@mona-ecs/ecs-simulator';
import { marks, writeSection } from './lib/sections.mjs';

const here = (file) => fileURLToPath(new URL(file, import.meta.url));
const ACCOUNTS = Number(process.env.BENCH_ACCOUNTS ?? 10);
const REGIONS = ['eu-west-1', 'us-east-1'];
const SERVICES = Number(process.env.BENCH_ACCOUNT_SERVICES ?? 500);
const ROUNDS = 3;
const MARK = marks('accounts');
/** Bound of the whole run: a child that hangs is killed. */
const DEADLINE_MS = 600_000;

function accountId(i) {
  return String(100000000001 + i);
}

function runChild(env, args) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [here('./accountsChild.mjs'), JSON.stringify(args)], {
      env,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.setEncoding('utf8').on('data', (c) => (out += c));
    const timer = setTimeout(() => child.kill('SIGKILL'), DEADLINE_MS);
    child.once('close', (code) => {
      clearTimeout(timer);
      if (code !== 0) return reject(new Error(`accountsChild exited with ${code}`));
      resolve(JSON.parse(out.trim().split('\n').pop()));
    });
  });
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

export async function runAccounts(note = process.env.BENCH_NOTE) {
  const ids = Array.from({ length: ACCOUNTS }, (_, i) => accountId(i));
  const org = await startOrganization({
    accounts: ids.map((id) => ({ id, roles: [{ name: 'mona-read', externalId: 'bench' }] })),
    throttle: true,
    clock: 'real',
    seed: 16,
  });
  try {
    const clusters = [];
    for (const id of ids) {
      for (const region of REGIONS) {
        org.simulator(id, region).createServices(SERVICES, { cluster: 'prod', prefix: 'svc' });
        clusters.push({ cluster: 'prod', region, account: id, accountId: id, roleArn: org.roleArn(id, 'mona-read'), externalId: 'bench' });
      }
    }
    const env = {
      ...Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('AWS_'))),
      AWS_ACCESS_KEY_ID: 'AKIABENCH',
      AWS_SECRET_ACCESS_KEY: 'bench',
      AWS_REGION: 'us-east-1',
      AWS_ENDPOINT_URL: org.url,
      AWS_EC2_METADATA_DISABLED: 'true',
      NODE_NO_WARNINGS: '1',
    };
    const measured = await runChild(env, { clusters, rounds: ROUNDS });
    const buckets = clusters.map((c) => ({
      account: c.account,
      region: c.region,
      calls: org.calls(c.account, c.region),
      throttled: Object.values(org.simulator(c.account, c.region).throttled).reduce((a, b) => a + b, 0),
    }));
    const later = measured.sweeps.filter((s) => s.round > 0).map((s) => s.ms);
    const result = {
      date: new Date().toISOString(),
      ...(note ? { note } : {}),
      accounts: ACCOUNTS,
      regions: REGIONS.length,
      servicesPerCluster: SERVICES,
      rounds: ROUNDS,
      limiter: 'Mona default per account and region (10/s, burst 10); simulator throttling model per account and region',
      firstRoundSeconds: measured.roundsMs[0] / 1000,
      laterRoundSeconds: measured.roundsMs.slice(1).map((ms) => ms / 1000),
      sweepSecondsMedian: median(later) / 1000,
      sweepSecondsMax: Math.max(...later) / 1000,
      callsPerBucket: {
        DescribeServices: median(buckets.map((b) => b.calls.DescribeServices ?? 0)),
        ListServices: median(buckets.map((b) => b.calls.ListServices ?? 0)),
      },
      bucketsEqual: buckets.every((b) => (b.calls.DescribeServices ?? 0) === (buckets[0].calls.DescribeServices ?? 0)),
      throttled: buckets.reduce((sum, b) => sum + b.throttled, 0),
      assumeRoleCalls: [...org.sts.assumeRoleCalls.values()].reduce((a, b) => a + b, 0),
      failedSweeps: measured.failures,
      cpuSeconds: measured.cpuSeconds,
      peakRssMB: measured.peakRssMB,
    };
    writeFileSync(here('./accounts.json'), `${JSON.stringify(result, null, 2)}\n`);
    writeAccountsSection();
    return result;
  } finally {
    await org.close();
  }
}

function section(r) {
  return [
    MARK.start,
    '## Accounts',
    '',
    `${r.accounts} accounts × ${r.regions} regions × ${r.servicesPerCluster} services (${r.accounts * r.regions * r.servicesPerCluster} services, ${r.accounts * r.regions} clusters), each account behind its own role; ${r.limiter}. ${r.rounds} rounds, every cluster swept at once (\`node bench/accounts.mjs\`, ${r.date}${r.note ? `; ${r.note}` : ''}).`,
    '',
    '| first round (listing + describe) | later rounds | sweep of one cluster (median / max) | calls per bucket over the run (DescribeServices / ListServices) | throttled | AssumeRole calls | failed sweeps | Mona CPU | Mona peak RSS |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    `| ${r.firstRoundSeconds.toFixed(1)} s | ${r.laterRoundSeconds.map((s) => `${s.toFixed(1)} s`).join(', ')} | ${r.sweepSecondsMedian.toFixed(1)} s / ${r.sweepSecondsMax.toFixed(1)} s | ${r.callsPerBucket.DescribeServices} / ${r.callsPerBucket.ListServices}${r.bucketsEqual ? '' : ' (unequal)'} | ${r.throttled} | ${r.assumeRoleCalls} | ${r.failedSweeps} | ${r.cpuSeconds.toFixed(1)} s | ${r.peakRssMB.toFixed(0)} MB |`,
    '',
    MARK.end,
    '',
  ].join('\n');
}

export function writeAccountsSection() {
  if (!existsSync(here('./accounts.json'))) return;
  const result = JSON.parse(readFileSync(here('./accounts.json'), 'utf8'));
  writeSection(MARK, section(result));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  runAccounts().then(
    (r) => {
      console.log(JSON.stringify(r, null, 2));
      process.exit(0);
    },
    (error) => {
      console.error(error);
      process.exit(1);
    },
  );
}
