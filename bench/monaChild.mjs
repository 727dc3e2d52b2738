// Mona's side in its own process: the real stream (createEcsSource → monitorClusters → reduce),
// the default formatter and a delivery queue into a recording sender that timestamps arrivals.
import { createDeliveryQueue, defaultFormatter, monitorClusters } from '@mona-ecs/core';
// An older build (issue 13's "before", bench/beforeAfter.sh) has these on the root entry only.
const { createEcsSource } = await import('@mona-ecs/core/ecs').catch(() => import('@mona-ecs/core'));
const { toNotification } = await import('@mona-ecs/core/format').catch(() => import('@mona-ecs/core'));
import { notify, serve } from './lib/ipc.mjs';

// A normal exit on the scenario's SIGTERM, so `--cpu-prof` (BENCH_MONA_NODE_ARGS) writes its profile.
process.once('SIGTERM', () => process.exit(0));

let subscription;
let queue;
let stopRequested = false;
let stopped;
let peakRss = process.memoryUsage().rss;
const rssTimer = setInterval(() => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
}, 100);

// Per-sweep call counts as Mona made them (one per callEcs; SDK retries are counted by the simulator).
let sweepCalls = { DescribeServices: 0, ListServices: 0, throttled: 0, error: 0 };
// Every ECS call since start, sweeps and event-driven describes alike (bench/events.mjs reads it).
const totalCalls = { ecs: 0, throttled: 0, error: 0 };
let lastCpu = process.cpuUsage();
let sweepStartCpu = lastCpu;

const recordingSender = {
  async send(notification) {
    const e = notification.event;
    notify({
      type: 'notification',
      t: Date.now(),
      eventType: e.type,
      service: e.service,
      deploymentId: e.deploymentId,
      cluster: e.cluster,
    });
  },
};

function onSweep(outcome, durationMs) {
  const cpu = process.cpuUsage(lastCpu);
  const inSweep = process.cpuUsage(sweepStartCpu);
  lastCpu = process.cpuUsage();
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
  notify({
    type: 'sweep',
    kind: outcome.kind,
    partial: outcome.kind === 'snapshot' && outcome.partial === true,
    services: outcome.kind === 'snapshot' ? outcome.services.length : 0,
    durationMs,
    cpuMs: (cpu.user + cpu.system) / 1000,
    sweepCpuMs: (inSweep.user + inSweep.system) / 1000,
    calls: sweepCalls,
    rss: peakRss,
    memory: process.memoryUsage(),
  });
  sweepCalls = { DescribeServices: 0, ListServices: 0, throttled: 0, error: 0 };
  // A microtask runs before the next timer tick, so no call of a further sweep is ever made.
  if (stopRequested) queueMicrotask(finish);
}

async function finish() {
  if (!subscription) return;
  subscription.unsubscribe();
  subscription = undefined;
  await queue.drain(5_000);
  await queue.close();
  clearInterval(rssTimer);
  const cpu = process.cpuUsage();
  const usage = process.resourceUsage();
  stopped({
    peakRssBytes: Math.max(peakRss, usage.maxRSS * 1024),
    queue: { ...queue.stats },
    totalCalls: { ...totalCalls },
    cpuMs: (cpu.user + cpu.system) / 1000,
  });
}

serve({
  // The counters now, for a measurement window (bench/events.mjs).
  counters() {
    const cpu = process.cpuUsage();
    return { totalCalls: { ...totalCalls }, cpuMs: (cpu.user + cpu.system) / 1000, peakRssBytes: peakRss };
  },
  start({ url, region, cluster, intervalSeconds, rateLimit, refreshServicesInterval, events }) {
    queue = createDeliveryQueue(recordingSender);
    const source = createEcsSource({
      endpoint: url,
      refreshServicesInterval,
      ...(rateLimit ? { rateLimit } : {}),
      hooks: {
        onApiCall(action, result) {
          totalCalls.ecs += 1;
          if (result !== 'ok') totalCalls[result] += 1;
          sweepCalls[action] = (sweepCalls[action] ?? 0) + 1;
          if (result !== 'ok') sweepCalls[result] += 1;
        },
      },
    });
    subscription = monitorClusters({
      clusters: [{ cluster, region }],
      checkIntervalSeconds: intervalSeconds,
      // The default source, wrapped only to read the CPU clock when a sweep starts. BENCH_STREAM=0
      // keeps each sweep whole (no parts reduced as they land): the "before" of issue 13's detection rows.
      source: {
        sweep(ref, tick, signal, onPart) {
          sweepStartCpu = process.cpuUsage();
          return source.sweep(ref, tick, signal, process.env.BENCH_STREAM === '0' ? undefined : onPart);
        },
        describe: (ref, names, signal) => source.describe(ref, names, signal),
      },
      ...(events ? { events } : {}),
      hooks: { onSweep },
    }).subscribe({
      next(event) {
        queue.enqueue(toNotification(event, defaultFormatter));
      },
      error(error) {
        console.error('monitor stream failed', error);
        process.exit(1);
      },
    });
    return true;
  },
  // Stops at the end of the sweep in flight (or the next one), so every counted sweep is whole.
  stop() {
    stopRequested = true;
    return new Promise((resolve) => {
      stopped = resolve;
    });
  },
});
