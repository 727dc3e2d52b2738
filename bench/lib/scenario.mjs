// One scale scenario: the simulator and Mona in two child processes, driven over IPC.
import { fileURLToPath } from 'node:url';
import { spawnChild } from './ipc.mjs';
import { percentile, mean, seededRandom, sleep } from './stats.mjs';
import { serviceName } from './services.mjs';

const here = (file) => fileURLToPath(new URL(`../${file}`, import.meta.url));

/**
 * Runs `services` services under `mode` and returns its measurements.
 * mode: { name, throttle, rateLimit?, measuredSweeps, samples }.
 */
export async function runScenario({ services, mode, intervalSeconds, refreshServicesInterval }) {
  const random = seededRandom(services * 31 + (mode.throttle ? 1 : 0));
  const sweeps = [];
  const arrivals = new Map(); // deploymentId -> arrival time
  const notifications = [];
  const sim = spawnChild(here('simChild.mjs'));
  // The CPU-per-call yardstick (5,000 services): JSON.parse of the same bodies, in a process of its
  // own, right after each sweep, so that a drift of the machine's speed moves both alike.
  const yardstick = mode.parseBaseline ? spawnChild(here('yardstickChild.mjs'), () => {}, []) : undefined;
  const parses = [];
  const mona = spawnChild(
    here('monaChild.mjs'),
    (msg) => {
      if (msg.type === 'sweep') {
        if (yardstick) parses[sweeps.length] = yardstick.call('measure');
        sweeps.push(msg);
      }
      if (msg.type === 'notification') {
        notifications.push(msg);
        if (msg.eventType === 'DeploymentStarted' && msg.deploymentId) arrivals.set(msg.deploymentId, msg.t);
      }
    },
    monaExecArgv(),
  );
  const startedAt = Date.now();
  const describeMs = (Math.ceil(services / 10) / (mode.rateLimit?.requestsPerSecond ?? 10)) * 1000;
  // Room for the sweeps, and for the detection samples, spaced 0.3–1.3 intervals apart.
  const capMs =
    (mode.measuredSweeps + 2) * Math.max(intervalSeconds * 1000, describeMs) * 2 + 30_000 + mode.samples * 1.3 * intervalSeconds * 1000;
  try {
    const { url, region } = await sim.call('start', { services, history: mode.history ?? 100, throttle: mode.throttle });
    const bodies = yardstick ? await yardstick.call('load', { url, services }) : undefined;
    await mona.call('start', { url, region, cluster: 'default', intervalSeconds, rateLimit: mode.rateLimit, refreshServicesInterval });
    await until(() => sweeps.length >= 1, startedAt + capMs);
    const samples = await sampleDetections({ sim, random, services, mode, intervalSeconds, arrivals, deadline: startedAt + capMs });
    await until(() => sweeps.length > mode.measuredSweeps && samples.every((s) => arrivals.has(s.deploymentId)), startedAt + capMs);
    const final = await mona.call('stop');
    const simStats = await sim.call('stats');
    const parse = bodies ? { ...bodies, msPerSweep: await Promise.all(parses) } : undefined;
    return summarize({
      services,
      mode,
      intervalSeconds,
      sweeps,
      samples,
      arrivals,
      notifications,
      final,
      simStats,
      parse,
      wallMs: Date.now() - startedAt,
    });
  } finally {
    await sim.call('close').catch(() => undefined);
    mona.child.kill();
    yardstick?.child.kill();
  }
}

/** Deploys random services at random moments (phase-independent of the ticks). */
async function sampleDetections({ sim, random, services, mode, intervalSeconds, deadline }) {
  const samples = [];
  const used = new Set();
  for (let i = 0; i < mode.samples && Date.now() < deadline; i += 1) {
    await sleep((0.3 + random()) * intervalSeconds * 1000);
    let index = 1 + Math.floor(random() * services);
    while (used.has(index) && used.size < services) index = (index % services) + 1;
    used.add(index);
    const service = serviceName(index, services);
    const { deploymentId, t0 } = await sim.call('deploy', { service });
    samples.push({ service, deploymentId, t0 });
  }
  return samples;
}

async function until(condition, deadline) {
  while (!condition() && Date.now() < deadline) await sleep(50);
}

function summarize({ services, mode, intervalSeconds, sweeps, samples, arrivals, notifications, final, simStats, parse, wallMs }) {
  const steady = sweeps.slice(1);
  const refreshes = sweeps.filter((s) => s.calls.ListServices > 0);
  const latencies = samples.filter((s) => arrivals.has(s.deploymentId)).map((s) => arrivals.get(s.deploymentId) - s.t0);
  const sum = (list, f) => list.reduce((acc, x) => acc + f(x), 0);
  return {
    services,
    mode: mode.name,
    throttleModel: mode.throttle,
    rateLimit: mode.rateLimit ?? 'default (10/s, burst 10)',
    checkIntervalSeconds: intervalSeconds,
    sweeps: sweeps.length,
    minimum: { describePerSweep: Math.ceil(services / 10), listPerRefresh: Math.ceil(services / 100) },
    describePerSweep: {
      mona: mean(sweeps.map((s) => s.calls.DescribeServices)),
      simulatorAttempts: (simStats.calls.DescribeServices ?? 0) / sweeps.length,
    },
    listPerRefresh: {
      mona: refreshes.length ? sum(refreshes, (s) => s.calls.ListServices) / refreshes.length : 0,
      simulatorAttempts: refreshes.length ? (simStats.calls.ListServices ?? 0) / refreshes.length : 0,
      refreshes: refreshes.length,
    },
    firstSweep: { durationMs: sweeps[0]?.durationMs, cpuMs: sweeps[0]?.cpuMs },
    cpuMsPerSweep: mean(steady.map((s) => s.sweepCpuMs)),
    cpuMsPerCycle: mean(steady.map((s) => s.cpuMs)),
    sweepDurationMs: { mean: mean(steady.map((s) => s.durationMs)), max: Math.max(...steady.map((s) => s.durationMs)) },
    peakRssMB: final.peakRssBytes / 2 ** 20,
    peakHeapUsedMB: Math.max(...sweeps.map((s) => s.memory.heapUsed)) / 2 ** 20,
    serviceEvents: mode.history === 'realistic' ? '20–100 per service (seeded)' : (mode.history ?? 100),
    ...perCall(steady, parse),
    detection: {
      samples: samples.length,
      detected: latencies.length,
      p50Ms: percentile(latencies, 50),
      p95Ms: percentile(latencies, 95),
      maxMs: latencies.length ? Math.max(...latencies) : null,
    },
    throttling: {
      sdkMet: sum(Object.values(simStats.throttled), (x) => x),
      byAction: simStats.throttled,
      surfaced: {
        failedCalls: sum(sweeps, (s) => s.calls.throttled),
        failedSweeps: sweeps.filter((s) => s.kind === 'failure').length,
        partialSweeps: sweeps.filter((s) => s.partial).length,
        monitorDegraded: notifications.filter((n) => n.eventType === 'MonitorDegraded').length,
      },
    },
    otherCallErrors: sum(sweeps, (s) => s.calls.error),
    notificationsDelivered: final.queue.delivered,
    wallSeconds: wallMs / 1000,
  };
}

/**
 * CPU per DescribeServices call (steady sweeps' CPU over their Describe calls) against JSON.parse
 * of the same bodies: the ratio is taken sweep by sweep, each sweep against the yardstick measured
 * right after it, and the median of those ratios is reported.
 */
function perCall(steady, parse) {
  const calls = steady.reduce((n, s) => n + (s.calls.DescribeServices ?? 0), 0);
  const cpu = steady.reduce((n, s) => n + s.sweepCpuMs, 0);
  if (!parse || calls === 0) return {};
  const cpuMsPerDescribeCall = cpu / calls;
  // Sweep k's yardstick is parses[k]; `steady` is sweeps[1..].
  const paired = steady
    .map((s, i) => ({
      perCall: s.calls.DescribeServices ? s.sweepCpuMs / s.calls.DescribeServices : undefined,
      parse: parse.msPerSweep[i + 1],
    }))
    .filter((p) => p.perCall !== undefined && p.parse > 0);
  return {
    cpuMsPerDescribeCall,
    jsonParseMsPerBody: percentile(
      paired.map((p) => p.parse),
      50,
    ),
    bytesPerDescribeBody: Math.round(parse.bytesPerBody),
    cpuPerCallToJsonParse: percentile(
      paired.map((p) => p.perCall / p.parse),
      50,
    ),
  };
}

/** Node flags for Mona's process: BENCH_MONA_NODE_ARGS (e.g. `--cpu-prof`), recorded in the results. */
export function monaExecArgv() {
  return [...process.execArgv, ...(process.env.BENCH_MONA_NODE_ARGS ?? '').split(' ').filter(Boolean)];
}
