// Renders the before/after table of issue 13 from the runs of bench/beforeAfter.sh: the median of
// the runs with min–max, per figure. Usage: node bench/lib/beforeAfter.mjs [dir] > table.md
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.argv[2] ?? '/tmp/mona-bench-ba';
const load = (side, kind) =>
  readdirSync(dir)
    .filter((f) => f.startsWith(`${side}-${kind}-`) && f.endsWith('.json'))
    .sort()
    .map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')));

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

function cell(values, digits) {
  const xs = values.filter((v) => typeof v === 'number' && Number.isFinite(v));
  if (xs.length === 0) return '–';
  const f = (v) => v.toFixed(digits);
  return xs.length === 1 ? f(xs[0]) : `${f(median(xs))} (${f(Math.min(...xs))}–${f(Math.max(...xs))})`;
}

const scenario = (runs, services) => runs.map((r) => r.scenarios.find((s) => s.services === services)).filter(Boolean);

const FIGURES = [
  ['detection p50 s, 1,000 services, default pace', 'default', 1000, (s) => s.detection.p50Ms / 1000, 1],
  ['detection p95 s, 1,000 services, default pace', 'default', 1000, (s) => s.detection.p95Ms / 1000, 1],
  ['detection max s, 1,000 services, default pace', 'default', 1000, (s) => s.detection.maxMs / 1000, 1],
  ['detection p50 s, 2,000 services, default pace', 'default', 2000, (s) => s.detection.p50Ms / 1000, 1],
  ['detection p95 s, 2,000 services, default pace', 'default', 2000, (s) => s.detection.p95Ms / 1000, 1],
  ['detection max s, 2,000 services, default pace', 'default', 2000, (s) => s.detection.maxMs / 1000, 1],
  ['detection p50 s, 5,000 services, pace opened', 'open', 5000, (s) => s.detection.p50Ms / 1000, 1],
  ['detection p95 s, 5,000 services, pace opened', 'open', 5000, (s) => s.detection.p95Ms / 1000, 1],
  ['detection max s, 5,000 services, pace opened', 'open', 5000, (s) => s.detection.maxMs / 1000, 1],
  ['peak RSS MB, 5,000 services, pace opened', 'open', 5000, (s) => s.peakRssMB, 1],
  ['heap used MB (max at sweep ends), 5,000, pace opened', 'open', 5000, (s) => s.peakHeapUsedMB, 1],
  ['CPU ms per sweep, 5,000, pace opened', 'open', 5000, (s) => s.cpuMsPerSweep, 0],
  ['CPU ms per DescribeServices call, 5,000', 'open', 5000, (s) => s.cpuMsPerDescribeCall, 3],
  ['`JSON.parse` ms of the same bodies (same run)', 'open', 5000, (s) => s.jsonParseMsPerBody, 3],
  ['CPU per call ÷ `JSON.parse`', 'open', 5000, (s) => s.cpuPerCallToJsonParse, 2],
  ['sweep ms, 1,000 services, default pace', 'default', 1000, (s) => s.sweepDurationMs.mean, 0],
  ['sweep ms, 2,000 services, default pace', 'default', 2000, (s) => s.sweepDurationMs.mean, 0],
];

const rows = [];
for (const [label, kind, services, pick, digits] of FIGURES) {
  const before = scenario(load('before', kind), services).map(pick);
  const after = scenario(load('after', kind), services).map(pick);
  rows.push(`| ${label} | ${cell(before, digits)} | ${cell(after, digits)} |`);
}
const idle = (side, pick) => load(side, 'default').map((r) => r.idleStart && pick(r.idleStart));
rows.push(
  `| idle start RSS MB | ${cell(
    idle('before', (i) => i.rssMB),
    1,
  )} | ${cell(
    idle('after', (i) => i.rssMB),
    1,
  )} |`,
);
rows.push(
  `| idle start CPU s | ${cell(
    idle('before', (i) => i.cpuSeconds),
    2,
  )} | ${cell(
    idle('after', (i) => i.cpuSeconds),
    2,
  )} |`,
);
rows.push(
  `| idle start: time to "monitoring" s | ${cell(
    idle('before', (i) => i.startupMs / 1000),
    1,
  )} | ${cell(
    idle('after', (i) => i.startupMs / 1000),
    1,
  )} |`,
);
const runs = load('after', 'open').length;
const first = load('after', 'open')[0];
// The main table only when its runs are in DIR (a ROWS=bound directory has the second table alone).
if (runs > 0) {
  console.log(`| figure (median of ${runs} runs, min–max) | before (main) | after |`);
  console.log('| --- | ---: | ---: |');
  for (const row of rows) console.log(row);
}
/** The line under a table: the Node version and flags Mona ran with, and the machine. */
function machineLine(result) {
  const node = result.settings.node;
  const flags = JSON.stringify(node?.monaExecArgv ?? node?.execArgv ?? []);
  return `\nNode ${result.machine.node} (flags: ${flags}, NODE_OPTIONS ${JSON.stringify(node?.NODE_OPTIONS ?? '')}), ${result.machine.cpu}, ${result.machine.cores} cores.`;
}
if (first) console.log(machineLine(first));

// The rows bounded by the sweep (ROWS=bound): 5,000 services at the default pace, and the throttling
// model, with the target p95 ≤ one sweep + one interval counted per run.
const bound = (side) => [...load(side, 'bound-default'), ...load(side, 'bound-throttle')];
if (bound('after').length > 0) {
  const ROWS = [
    ['5,000 services, default pace', 5000, false],
    ['1,000 services, throttling model', 1000, true],
    ['2,000 services, throttling model', 2000, true],
    ['5,000 services, throttling model', 5000, true],
  ];
  const pick = (side, services, throttled) =>
    bound(side)
      .map((r) => r.scenarios.find((s) => s.services === services && Boolean(s.throttleModel) === throttled))
      .filter(Boolean);
  const met = (scenarios) => {
    const ok = scenarios.filter((s) => s.detection.p95Ms / 1000 <= s.sweepDurationMs.mean / 1000 + s.checkIntervalSeconds).length;
    return `${ok} of ${scenarios.length}`;
  };
  console.log(
    `\n| row | side | sweep s | detection p50 s | detection p95 s | detection max s | p95 ≤ sweep + interval | peak RSS MB | throttled (SDK met / surfaced) |`,
  );
  console.log('| --- | --- | ---: | ---: | ---: | ---: | --- | ---: | ---: |');
  for (const [label, services, throttled] of ROWS) {
    for (const side of ['before', 'after']) {
      const s = pick(side, services, throttled);
      if (s.length === 0) continue;
      const surfaced = s.reduce((n, x) => n + Object.values(x.throttling.surfaced).reduce((a, b) => a + b, 0), 0);
      const sdkMet = s.reduce((n, x) => n + x.throttling.sdkMet, 0);
      console.log(
        `| ${label} | ${side} | ${cell(
          s.map((x) => x.sweepDurationMs.mean / 1000),
          1,
        )} | ${cell(
          s.map((x) => x.detection.p50Ms / 1000),
          1,
        )} | ${cell(
          s.map((x) => x.detection.p95Ms / 1000),
          1,
        )} | ${cell(
          s.map((x) => x.detection.maxMs / 1000),
          1,
        )} | ${met(s)} | ${cell(
          s.map((x) => x.peakRssMB),
          1,
        )} | ${sdkMet} / ${surfaced} |`,
      );
    }
  }
  console.log(machineLine(bound('after')[0]));
}
