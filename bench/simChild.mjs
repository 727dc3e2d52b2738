// The simulator in its own process, so its CPU and memory are not counted as Mona's.
import { startSimulator } from '@mona-ecs/ecs-simulator';
import { serve } from './lib/ipc.mjs';

let sim;
let revision = 1;

serve({
  async start({ services, history, throttle }) {
    sim = await startSimulator({ clock: 'real', throttle, seed: 7 });
    sim.createServices(services, { prefix: 'svc', history });
    return { url: sim.url, region: sim.region };
  },
  // The state change whose detection is timed: t0 is taken right after the model changed.
  deploy({ service }) {
    revision += 1;
    const deploymentId = sim.deploy(service, { image: `${service}:${revision}` });
    return { deploymentId, t0: Date.now() };
  },
  stats() {
    return { calls: { ...sim.calls }, throttled: { ...sim.throttled } };
  },
  async close() {
    await sim?.close();
    setImmediate(() => process.exit(0));
    return true;
  },
});
