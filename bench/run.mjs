// `npm run bench`: Mona against the ECS simulator at 10 to 5,000 services, with and without
// AWS's throttling model, plus the reducer and response-conversion micro-benchmarks. Prints a
// table and writes bench/results.json and bench/RESULTS.md. See bench/README.md.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { runBurst, writeBurstSection } from './burst.mjs';
import { spawnChild } from './lib/ipc.mjs';
import { describeMachine } from './lib/machine.mjs';
import { consoleTable, scenarioRows, verdicts } from './lib/report.mjs';
import { renderResultsMd } from './lib/resultsMd.mjs';
import { runScenario } from './lib/scenario.mjs';

const INTERVAL_SECONDS = 2;
const REFRESH_SERVICES_INTERVAL = 30; // the source's default, in ticks
const SIZES = (process.env.BENCH_SIZES ?? '10,100,1000,5000').split(',').map(Number);

/**
 * Without the throttling model, Mona's limiter is opened wide (1,000/s) to show what the code
 * costs when the API is not the bottleneck. With it, Mona runs with its default limiter (10/s,
 * burst 10): what a user gets, and what must not surface errors.
 */
const MODES = [
  { name: 'no throttling model, limiter 1000/s', throttle: false, rateLimit: { requestsPerSecond: 1000, burst: 1000 } },
  { name: 'throttling model, default limiter', throttle: true },
];

/** Sweeps measured after the first, and detection samples, per size: bounded so the run takes minutes. */
function budget(services, mode) {
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

function writeResults(results) {
  results.targets = verdicts(results);
  writeFileSync(here('./results.json'), `${JSON.stringify(results, null, 2)}\n`);
  writeFileSync(here('./RESULTS.md'), renderResultsMd(results));
  writeBurstSection(); // the storm numbers (bench/burst.json) keep their own section
}

function printSummary(results) {
  const { scenarios, conversion, reducer } = results;
  console.log(`\n${consoleTable(scenarioRows(scenarios))}\n`);
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
    writeResults(results);
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
  process.stdout.write('  micro-benchmarks (conversion, reducer) … ');
  const { conversion, reducer } = await runMicro();
  console.log('done');
  const results = {
    date: new Date().toISOString(),
    machine,
    settings: {
      checkIntervalSeconds: INTERVAL_SECONDS,
      refreshServicesInterval: REFRESH_SERVICES_INTERVAL,
      serviceEventsPerService: 100,
      simulator: 'separate child process (its CPU and memory are not counted)',
      mona: 'separate child process',
    },
    scenarios,
    conversion,
    reducer,
    wallSeconds: (Date.now() - startedAt) / 1000,
  };
  writeResults(results);
  printSummary(results);
  await runBurst(); // the storm benchmark: bench/burst.mjs
  console.log(`\nwrote bench/results.json and bench/RESULTS.md in ${results.wallSeconds.toFixed(0)} s`);
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
