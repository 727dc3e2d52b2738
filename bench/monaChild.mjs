// Mona's side in its own process: the real stream (createEcsSource → monitorClusters → reduce),
// the default formatter and a delivery queue into a recording sender that timestamps arrivals.
import { createDeliveryQueue, defaultFormatter, monitorClusters } from '@mona-ecs/core';
import { createEcsSource } from '@mona-ecs/core/ecs';
import { toNotification } from '@mona-ecs/core/format';
import { notify, serve } from './lib/ipc.mjs';

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
let lastCpu = process.cpuUsage();
let sweepStartCpu = lastCpu;

const recordingSender = {
  async send(notification) {
    const e = notification.event;
    notify({ type: 'notification', t: Date.now(), eventType: e.type, service: e.service, deploymentId: e.deploymentId });
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
  const usage = process.resourceUsage();
  stopped({ peakRssBytes: Math.max(peakRss, usage.maxRSS * 1024), queue: { ...queue.stats } });
}

serve({
  start({ url, region, cluster, intervalSeconds, rateLimit, refreshServicesInterval }) {
    queue = createDeliveryQueue(recordingSender);
    const source = createEcsSource({
      endpoint: url,
      refreshServicesInterval,
      ...(rateLimit ? { rateLimit } : {}),
      hooks: {
        onApiCall(action, result) {
          sweepCalls[action] = (sweepCalls[action] ?? 0) + 1;
          if (result !== 'ok') sweepCalls[result] += 1;
        },
      },
    });
    subscription = monitorClusters({
      clusters: [{ cluster, region }],
      checkIntervalSeconds: intervalSeconds,
      // The default source, wrapped only to read the CPU clock when a sweep starts.
      source: {
        sweep(ref, tick, signal) {
          sweepStartCpu = process.cpuUsage();
          return source.sweep(ref, tick, signal);
        },
      },
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
