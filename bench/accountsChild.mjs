// The Mona side of the accounts benchmark (bench/accounts.mjs), in its own process so its CPU
// and memory are Mona's only: core's ECS source over every cluster, one client and one rate
// limiter per account and region (through each account's role), every cluster swept at once,
// `rounds` times. Prints one JSON line with the measurements.
import { createEcsSource, ecsClientCache } from '@mona-ecs/core/ecs';

const { clusters, rounds } = JSON.parse(process.argv[2]);
const source = createEcsSource({ clientFor: ecsClientCache({}, clusters) });
const startCpu = process.cpuUsage();
const sweeps = [];
const roundsMs = [];
let failures = 0;
for (let round = 0; round < rounds; round += 1) {
  const startedAt = performance.now();
  await Promise.all(
    clusters.map(async (ref) => {
      const t0 = performance.now();
      const outcome = await source.sweep(ref, round);
      if (outcome.kind !== 'snapshot' || outcome.services.length === 0) failures += 1;
      sweeps.push({ round, account: ref.account, region: ref.region, ms: performance.now() - t0 });
    }),
  );
  roundsMs.push(performance.now() - startedAt);
}
const cpu = process.cpuUsage(startCpu);
process.stdout.write(
  `${JSON.stringify({ sweeps, roundsMs, failures, cpuSeconds: (cpu.user + cpu.system) / 1e6, peakRssMB: process.resourceUsage().maxRSS / 1024 })}\n`,
);
process.exit(0);
