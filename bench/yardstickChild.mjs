// The yardstick of CPU per DescribeServices call, in its own process so that Mona's memory and CPU
// stay Mona's: `JSON.parse(decode(body))` of the cluster's own DescribeServices bodies, measured
// right after each of Mona's sweeps (the scenario asks), so that it sees the machine of that moment.
import { serve } from './lib/ipc.mjs';
import { describeBodies, serviceName } from './lib/services.mjs';

const PER_MEASURE = 20;
const decoder = new TextDecoder();
let bodies = [];
let next = 0;

serve({
  /** Fetches every batch of 10 of the cluster from the simulator; answers their count and mean size. */
  async load({ url, services }) {
    bodies = await describeBodies(
      url,
      Array.from({ length: services }, (_, i) => serviceName(i + 1, services)),
    );
    for (const body of bodies) JSON.parse(decoder.decode(body)); // warm-up
    return { bodies: bodies.length, bytesPerBody: bodies.reduce((n, b) => n + b.length, 0) / bodies.length };
  },
  /** CPU ms per body: the next 20 bodies in turn, 3 passes, the fastest. */
  measure() {
    const batch = Array.from({ length: PER_MEASURE }, (_, i) => bodies[(next + i) % bodies.length]);
    next = (next + PER_MEASURE) % bodies.length;
    let best = Infinity;
    for (let pass = 0; pass < 3; pass += 1) {
      const start = process.cpuUsage();
      for (const body of batch) JSON.parse(decoder.decode(body));
      const used = process.cpuUsage(start);
      best = Math.min(best, (used.user + used.system) / 1000);
    }
    return best / batch.length;
  },
  exit() {
    setImmediate(() => process.exit(0));
    return true;
  },
});
