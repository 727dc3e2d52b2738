// `npm run bench`: Mona against the ECS simulator at 10 to 5,000 services, with and without
// AWS's throttling model, plus the reducer and response-conversion micro-benchmarks. Prints a
// table and writes bench/results.json and bench/RESULTS.md. See bench/README.md.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { spawnChild } from './lib/ipc.mjs';
import { describeMachine } from './lib/machine.mjs';
import { consoleTable, scenarioRows, verdicts } from './lib/report.mjs';
import { renderResultsMd } from './lib/resultsMd.mjs';
import { marks, readResults, sectionOf } from './lib/sections.mjs';
import { monaExecArgv, runScenario } from './lib/scenario.mjs';
import { measureIdleFloor, measureIdleStart } from './lib/idleStart.mjs';

const INTERVAL_SECONDS = 2;
const REFRESH_SERVICES_INTERVAL = 30; // the source's default, in ticks
const SIZES = (process.env.BENCH_SIZES ?? '10,100,1000,5000').split(',').map(Number);

/**
 * Without the throttling model, Mona's limiter is opened wide (1,000/s) to show what the code
 * costs when the API is not the bottleneck. With it, Mona runs with its default limiter (10/s,
 * burst 10): what a user gets, and what must not surface errors.
 */
const ALL_MODES = [
  { key: 'open', name: 'no throttling model, limiter 1000/s', throttle: false, rateLimit: { requestsPerSecond: 1000, burst: 1000 } },
  { key: 'throttle', name: 'throttling model, default limiter', throttle: true },
  // Issue 13's detection rows: the default pace, the API not the bottleneck.
  { key: 'default', name: 'no throttling model, default limiter', throttle: false },
];
// BENCH_MODES=open,default picks modes; BENCH_SAMPLES=24 sets the detection samples; BENCH_HISTORY=100
// gives every service 100 events instead of 20–100 (seeded); BENCH_IDLE=0 / BENCH_MICRO=0 skip those
// parts; BENCH_OUT=file writes the results there instead of bench/results.json and RESULTS.md.
const MODES = ALL_MODES.filter((m) => (process.env.BENCH_MODES ?? 'open,throttle').split(',').includes(m.key));
const SAMPLES = process.env.BENCH_SAMPLES ? Number(process.env.BENCH_SAMPLES) : undefined;
const HISTORY = process.env.BENCH_HISTORY ? Number(process.env.BENCH_HISTORY) : 'realistic';

/** Sweeps measured after the first, and detection samples, per size: bounded so the run takes minutes. */
function budget(services, mode) {
  const base = defaultBudget(services, mode);
  return { ...base, ...(SAMPLES ? { samples: SAMPLES } : {}), history: HISTORY, parseBaseline: services >= 5000 };
}

function defaultBudget(services, mode) {
  if (services >= 5000) return mode.throttle ? { measuredSweeps: 1, samples: 4 } : { measuredSweeps: 3, samples: 6 };
  if (services >= 1000) return mode.throttle ? { measuredSweeps: 2, samples: 6 } : { measuredSweeps: 3, samples: 8 };
  return { measuredSweeps: 3, samples: 8 };
}

async function runMicro() {
  const micro = spawnChild(fileURLToPath(new URL('./microChild.mjs', import.meta.url)));
  try {
    const conversion = await micro.call('conversion', { batches: 50 });
    const reducer = await micro.call('reducer', { services: 5000, snapshots: 12 });
    return { conversion, reducer };
  } finally {
    await micro.call('exit').catch(() => undefined);
  }
}

const here = (file) => fileURLToPath(new URL(file, import.meta.url));

async function writeResults(results) {
  if (process.env.BENCH_OUT) {
    // A partial run (some modes or sizes) for a before/after comparison: raw figures only.
    writeFileSync(process.env.BENCH_OUT, `${JSON.stringify(results, null, 2)}\n`);
    return;
  }
  results.targets = verdicts(results);
  writeFileSync(here('./results.json'), `${JSON.stringify(results, null, 2)}\n`);
  // Issue 13's before/after rounds are written by hand (bench/lib/beforeAfter.mjs renders their tables): kept as they are.
  const issue13 = sectionOf(readResults(), marks('issue13'));
  writeFileSync(here('./RESULTS.md'), renderResultsMd(results) + (issue13 ? `\n${issue13}\n` : ''));
  // The sections are imported here, not at the top, so a partial run works against an older build (beforeAfter.sh).
  const [burst, events, accounts, state] = await sections();
  burst.writeBurstSection(); // the storm numbers (bench/burst.json) keep their own section
  await events.writeEventsSection(); // and so do the ECS events rows (bench/events.json)
  accounts.writeAccountsSection(); // and so do the accounts numbers (bench/accounts.json)
  state.writeStateSection(); // and so do the state numbers (bench/state.json)
}

function sections() {
  return Promise.all([import('./burst.mjs'), import('./events.mjs'), import('./accounts.mjs'), import('./state.mjs')]);
}

function printSummary(results) {
  const { scenarios, conversion, reducer } = results;
  console.log(`\n${consoleTable(scenarioRows(scenarios))}\n`);
  if (!conversion || !reducer || !results.targets) return;
  console.log(
    `response → snapshot: ${conversion.conversionMsPerResponse.toFixed(3)} ms vs JSON.parse ${conversion.jsonParseMsPerResponse.toFixed(3)} ms per response (${conversion.ratioToJsonParse.toFixed(2)}×)`,
  );
  console.log(`reducer alone at 5,000 services: ${reducer.snapshotsPerSecond.toFixed(1)} snapshots/s\n`);
  for (const t of results.targets) console.log(`${t.met === null ? '  ' : t.met ? 'ok' : 'MISSED'}  ${t.target}: ${t.detail}`);
}

async function main() {
  if (process.argv.includes('--report')) {
    // Re-render RESULTS.md and the verdicts from the committed measurements, without measuring.
    const results = JSON.parse(readFileSync(here('./results.json'), 'utf8'));
    await writeResults(results);
    printSummary(results);
    return;
  }
  const startedAt = Date.now();
  const machine = describeMachine();
  console.log(`Mona bench on ${machine.cpu} (${machine.cores} cores, ${machine.ramGB} GB), Node ${machine.node}, ${machine.os}`);
  const scenarios = [];
  for (const base of MODES) {
    for (const services of SIZES) {
      const mode = { ...base, ...budget(services, base) };
      process.stdout.write(`  ${services} services, ${mode.name} … `);
      const result = await runScenario({
        services,
        mode,
        intervalSeconds: INTERVAL_SECONDS,
        refreshServicesInterval: REFRESH_SERVICES_INTERVAL,
      });
      scenarios.push(result);
      console.log(`${result.wallSeconds.toFixed(0)} s`);
    }
  }
  let idleStart;
  let idleFloor;
  if (process.env.BENCH_IDLE !== '0') {
    process.stdout.write('  idle start (mona run, 10 services, one Slack sender) … ');
    idleStart = await measureIdleStart();
    console.log(`${idleStart.rssMB.toFixed(1)} MB, ${idleStart.cpuSeconds.toFixed(2)} s CPU`);
    process.stdout.write('  idle floor (RxJS, the ECS client, pino and HTTP alone, same cluster) … ');
    idleFloor = await measureIdleFloor();
    console.log(`${idleFloor.rssMB.toFixed(1)} MB, ${idleFloor.cpuSeconds.toFixed(2)} s CPU`);
  }
  let conversion;
  let reducer;
  if (process.env.BENCH_MICRO !== '0') {
    process.stdout.write('  micro-benchmarks (conversion, reducer) … ');
    ({ conversion, reducer } = await runMicro());
    console.log('done');
  }
  const results = {
    date: new Date().toISOString(),
    machine,
    settings: {
      checkIntervalSeconds: INTERVAL_SECONDS,
      refreshServicesInterval: REFRESH_SERVICES_INTERVAL,
      serviceEventsPerService: HISTORY === 'realistic' ? '20–100 (seeded)' : HISTORY,
      node: {
        version: process.version,
        execArgv: process.execArgv,
        monaExecArgv: monaExecArgv(),
        NODE_OPTIONS: process.env.NODE_OPTIONS ?? '',
      },
      simulator: 'separate child process (its CPU and memory are not counted)',
      mona: 'separate child process',
    },
    scenarios,
    idleStart,
    idleFloor,
    conversion,
    reducer,
    wallSeconds: (Date.now() - startedAt) / 1000,
  };
  await writeResults(results);
  printSummary(results);
  // BENCH_OUT is a measurement of the scenarios alone (issue 13's before/after): the other sections
  // write their own files and RESULTS.md, so they run only in a full `npm run bench`.
  const whole = process.env.BENCH_OUT === undefined;
  const [{ runBurst }, { runEvents }, { runAccounts }, { runStateBench }] = whole ? await sections() : [{}, {}, {}, {}];
  if (whole && process.env.BENCH_BURST !== '0') await runBurst(); // the storm benchmark: bench/burst.mjs
  if (whole && process.env.BENCH_EVENTS !== '0') await runEvents(); // the ECS events rows: bench/events.mjs
  if (whole && process.env.BENCH_ACCOUNTS_ROW !== '0') {
    process.stdout.write('  10 accounts × 2 regions × 500 services, one limiter per account and region … ');
    const accounts = await runAccounts(); // bench/accounts.mjs
    console.log(
      `sweep ${accounts.sweepSecondsMedian.toFixed(1)} s (median), ${accounts.callsPerBucket.DescribeServices} DescribeServices per bucket, ${accounts.throttled} throttled, ${accounts.cpuSeconds.toFixed(1)} s CPU, ${accounts.peakRssMB.toFixed(0)} MB peak RSS`,
    );
  }
  if (whole && process.env.BENCH_STATE !== '0') await runStateBench(); // checkpoints, DynamoDB calls, failover: bench/state.mjs
  console.log(`\nwrote ${process.env.BENCH_OUT ?? 'bench/results.json and bench/RESULTS.md'} in ${results.wallSeconds.toFixed(0)} s`);
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
