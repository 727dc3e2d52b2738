// The ECS events benchmark (issue 15): Mona under AWS's throttling model with its default
// limiter, polling alone (checkIntervalSeconds 2) against events on (EventBridge → SQS, the
// simulator's queue; the full sweep every reconcileIntervalSeconds 60). Per size: detection
// p50/p95 of a deployment start and of a task crash, ECS and SQS calls per minute, Mona's CPU
// and peak RSS. Run on its own with `node bench/events.mjs` (packages built), or from
// `npm run bench`. Writes bench/events.json and the "ECS events" section of bench/RESULTS.md.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { spawnChild } from './lib/ipc.mjs';
import { serviceName } from './lib/services.mjs';
import { percentile, seededRandom, sleep } from './lib/stats.mjs';
import { RESULTS_MD, marks, readResults, withSection } from './lib/sections.mjs';

const here = (file) => fileURLToPath(new URL(file, import.meta.url));
const SIZES = (process.env.BENCH_EVENTS_SIZES ?? '1000,5000').split(',').map(Number);
const CHECK_INTERVAL_SECONDS = 2;
const RECONCILE_SECONDS = 60;
/** Detection samples per kind (deployment starts, task crashes), spaced 1.5–3 s apart. */
const SAMPLES = Number(process.env.BENCH_EVENTS_SAMPLES ?? 6);
/** With events on, the window lasts at least one reconciliation, so its calls are counted. */
const MIN_WINDOW_MS = RECONCILE_SECONDS * 1000 + 5_000;
const MARK = marks('events');

async function until(condition, deadline) {
  while (!condition() && Date.now() < deadline) await sleep(100);
}

async function runEventsScenario(services, eventsOn) {
  const random = seededRandom(services * 17 + (eventsOn ? 1 : 0));
  const sweeps = [];
  const started = new Map(); // deploymentId -> arrival
  const crashed = new Map(); // service -> arrival
  let monitorStarted = false;
  const sim = spawnChild(here('simChild.mjs'));
  const mona = spawnChild(here('monaChild.mjs'), (msg) => {
    if (msg.type === 'sweep') sweeps.push({ ...msg, at: Date.now() });
    if (msg.type !== 'notification') return;
    if (msg.eventType === 'MonitorStarted') monitorStarted = true;
    if (msg.eventType === 'DeploymentStarted' && msg.deploymentId) started.set(msg.deploymentId, msg.t);
    if (msg.eventType === 'TaskCrashed' && msg.service && !crashed.has(msg.service)) crashed.set(msg.service, msg.t);
  });
  const sweepMs = (Math.ceil(services / 10) / 10) * 1000; // default limiter: 10 calls/s
  try {
    const { url, region, queueUrl } = await sim.call('start', { services, history: 'realistic', throttle: true, ecsEvents: eventsOn });
    await mona.call('start', {
      url,
      region,
      cluster: 'default',
      intervalSeconds: CHECK_INTERVAL_SECONDS,
      refreshServicesInterval: 30,
      ...(eventsOn
        ? {
            events: {
              sqsQueueUrl: queueUrl,
              endpoint: url,
              reconcileIntervalSeconds: RECONCILE_SECONDS,
              maxReconcileIntervalSeconds: RECONCILE_SECONDS,
            },
          }
        : {}),
    });
    await until(() => monitorStarted, Date.now() + sweepMs * 3 + 60_000);
    const c0 = await mona.call('counters');
    const s0 = await sim.call('stats');
    const t0 = Date.now();
    const used = new Set();
    const deploys = [];
    const crashes = [];
    for (let i = 0; i < SAMPLES * 2; i += 1) {
      await sleep((1.5 + 1.5 * random()) * 1000);
      let index = 1 + Math.floor(random() * services);
      while (used.has(index)) index = (index % services) + 1;
      used.add(index);
      const service = serviceName(index, services);
      if (i % 2 === 0) deploys.push({ service, ...(await sim.call('deploy', { service })) });
      else crashes.push({ service, ...(await sim.call('crash', { service })) });
    }
    const detected = () => deploys.every((d) => started.has(d.deploymentId)) && crashes.every((c) => crashed.has(c.service));
    await until(detected, Date.now() + sweepMs * 3 + 30_000);
    if (eventsOn) await until(() => false, t0 + MIN_WINDOW_MS);
    const c1 = await mona.call('counters');
    const s1 = await sim.call('stats');
    const t1 = Date.now();
    const minutes = (t1 - t0) / 60_000;
    const inWindow = sweeps.filter((s) => s.at >= t0 && s.at <= t1);
    const sweepCalls = inWindow.reduce((n, s) => n + (s.calls.DescribeServices ?? 0) + (s.calls.ListServices ?? 0), 0);
    const ecsCalls = c1.totalCalls.ecs - c0.totalCalls.ecs;
    const sqsCalls = sum(Object.values(s1.sqs.calls)) - sum(Object.values(s0.sqs.calls));
    const deployMs = deploys.filter((d) => started.has(d.deploymentId)).map((d) => started.get(d.deploymentId) - d.t0);
    const crashMs = crashes.filter((c) => crashed.has(c.service)).map((c) => crashed.get(c.service) - c.t0);
    return {
      services,
      events: eventsOn,
      windowSeconds: (t1 - t0) / 1000,
      deployment: detection(deployMs, deploys.length),
      crash: detection(crashMs, crashes.length),
      ecsCallsPerMinute: ecsCalls / minutes,
      eventDrivenEcsCallsPerMinute: (ecsCalls - sweepCalls) / minutes,
      sweepCallsPerSweep: inWindow.length ? sweepCalls / inWindow.length : Math.ceil(services / 10),
      sqsCallsPerMinute: sqsCalls / minutes,
      throttledSurfaced: c1.totalCalls.throttled - c0.totalCalls.throttled,
      cpuPercent: ((c1.cpuMs - c0.cpuMs) / (t1 - t0)) * 100,
      peakRssMB: c1.peakRssBytes / 2 ** 20,
      queue: eventsOn ? s1.sqs : undefined,
    };
  } finally {
    await sim.call('close').catch(() => undefined);
    mona.child.kill();
  }
}

const sum = (list) => list.reduce((a, b) => a + b, 0);
const detection = (ms, samples) => ({ samples, detected: ms.length, p50Ms: percentile(ms, 50), p95Ms: percentile(ms, 95) });

function fmtMs(ms) {
  return ms === null || ms === undefined ? '—' : ms >= 10_000 ? `${(ms / 1000).toFixed(0)} s` : `${(ms / 1000).toFixed(2)} s`;
}

function eventsSection(run) {
  const rows = run.scenarios.map((s) =>
    [
      s.services.toLocaleString('en-US'),
      s.events ? `on (reconcile ${RECONCILE_SECONDS} s)` : `off (poll every ${CHECK_INTERVAL_SECONDS} s)`,
      `${fmtMs(s.deployment.p50Ms)} / ${fmtMs(s.deployment.p95Ms)} (${s.deployment.detected}/${s.deployment.samples})`,
      `${fmtMs(s.crash.p50Ms)} / ${fmtMs(s.crash.p95Ms)} (${s.crash.detected}/${s.crash.samples})`,
      s.ecsCallsPerMinute.toFixed(0),
      // Without events every call is a sweep's; sweeps straddling the window make the difference noise.
      s.events && !noSweepEnded(s) ? s.eventDrivenEcsCallsPerMinute.toFixed(0) : '—',
      s.sqsCallsPerMinute.toFixed(0),
      `${s.cpuPercent.toFixed(1)} %`,
      `${s.peakRssMB.toFixed(0)} MB`,
      String(s.throttledSurfaced),
    ].join(' | '),
  );
  return [
    MARK.start,
    '## ECS events (issue 15)',
    '',
    `Throttling model (bucket 100, 20/s), Mona's default limiter (10/s), ${SAMPLES} deployment starts and ${SAMPLES} task crashes at random services, 1.5–3 s apart. ECS calls per minute count every call in the measurement window (with events on: at least one reconciliation sweep); "event-driven" leaves out the sweeps' calls. SQS calls are the simulator's count (long polls of 20 s and delete batches). A crashed task is replaced after 15 s: polling alone never sees a crash that is over before the next sweep reaches its service (the detected/samples count). ${run.note ?? ''}`,
    '',
    '| services | events | deployment start p50 / p95 | task crash p50 / p95 | ECS calls/min | of which event-driven | SQS calls/min | Mona CPU | peak RSS | throttling errors surfaced |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    ...rows.map((r) => `| ${r} |`),
    '',
    ...projection(run.scenarios),
    MARK.end,
    '',
  ].join('\n');
}

/**
 * ECS calls per minute with events on at another reconciliation interval R: a sweep's calls
 * every R seconds, plus the event-driven calls measured (they do not depend on R).
 */
function projection(scenarios) {
  const lines = [];
  for (const on of scenarios.filter((s) => s.events)) {
    const off = scenarios.find((s) => !s.events && s.services === on.services);
    if (!off) continue;
    if (noSweepEnded(on)) {
      lines.push(
        `- ${on.services.toLocaleString('en-US')} services: no reconciliation sweep ended within the window (one takes longer than it), so its calls and the events' cannot be told apart: the ${on.ecsCallsPerMinute.toFixed(0)} calls/min are mostly the sweep in progress, paced by the limiter.`,
      );
      continue;
    }
    const at = (r) => (on.sweepCallsPerSweep * 60) / r + on.eventDrivenEcsCallsPerMinute;
    const tenth = off.ecsCallsPerMinute / 10;
    const needed = (on.sweepCallsPerSweep * 60) / Math.max(1e-9, tenth - on.eventDrivenEcsCallsPerMinute);
    // The default interval: sweeps take at most 8 % of the time (a sweep is its calls at the default 10 calls/s), 60–900 s.
    const byDefault = Math.min(900, Math.max(60, Math.ceil(on.sweepCallsPerSweep / 10 / 0.08)));
    lines.push(
      `- ${on.services.toLocaleString('en-US')} services: a sweep is ${on.sweepCallsPerSweep.toFixed(0)} calls; with events on, ECS calls/min ≈ ${at(RECONCILE_SECONDS).toFixed(0)} at a fixed ${RECONCILE_SECONDS} s (the rows above), ${at(300).toFixed(0)} at 300, ${at(600).toFixed(0)} at 600, and **${at(byDefault).toFixed(0)} with the default interval (${byDefault} s: sweeps take at most 8 % of the time)**; a tenth of polling alone is ${tenth.toFixed(0)}/min (reached from ${needed.toFixed(0)} s).`,
    );
  }
  return lines.length
    ? ['Projection from the rows above (sweep calls every R seconds plus the event-driven calls):', '', ...lines, '']
    : [];
}

/** Each ended sweep makes at least one call: all calls event-driven means none ended in the window. */
const noSweepEnded = (s) => s.events && s.eventDrivenEcsCallsPerMinute === s.ecsCallsPerMinute && s.ecsCallsPerMinute > 0;

export async function writeEventsSection() {
  if (!existsSync(here('./events.json'))) return;
  const run = JSON.parse(readFileSync(here('./events.json'), 'utf8'));
  const file = RESULTS_MD;
  const text = withSection(readResults(), MARK, eventsSection(run));
  // The repository's Prettier settings, so `prettier --check .` stays clean after a bench run.
  const prettier = await import('prettier');
  const options = (await prettier.resolveConfig(file)) ?? {};
  writeFileSync(file, await prettier.format(text, { ...options, filepath: file }));
}

/** Every size, events off then on; writes bench/events.json and the RESULTS.md section. */
export async function runEvents(note = process.env.BENCH_NOTE) {
  const scenarios = [];
  for (const services of SIZES) {
    for (const eventsOn of [false, true]) {
      process.stdout.write(`  ${services} services, throttling model, events ${eventsOn ? 'on' : 'off'} … `);
      const result = await runEventsScenario(services, eventsOn);
      scenarios.push(result);
      console.log(
        `deploy p95 ${fmtMs(result.deployment.p95Ms)}, crash p95 ${fmtMs(result.crash.p95Ms)}, ${result.ecsCallsPerMinute.toFixed(0)} ECS calls/min`,
      );
    }
  }
  // BENCH_EVENTS_MERGE=1 keeps the rows of other sizes from the last run (a size run on its own).
  const previous =
    process.env.BENCH_EVENTS_MERGE === '1' && existsSync(here('./events.json'))
      ? JSON.parse(readFileSync(here('./events.json'), 'utf8')).scenarios
      : [];
  const kept = previous.filter((s) => !SIZES.includes(s.services));
  const all = [...kept, ...scenarios].sort((a, b) => a.services - b.services || Number(a.events) - Number(b.events));
  const run = { date: new Date().toISOString(), ...(note ? { note } : {}), scenarios: all };
  writeFileSync(here('./events.json'), `${JSON.stringify(run, null, 2)}\n`);
  await writeEventsSection();
  return run;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  runEvents().then(
    () => process.exit(0),
    (error) => {
      console.error(error);
      process.exit(1);
    },
  );
}
