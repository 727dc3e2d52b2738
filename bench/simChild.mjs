// The simulator in its own process, so its CPU and memory are not counted as Mona's.
import { startSimulator } from '@mona-ecs/ecs-simulator';
import { serve } from './lib/ipc.mjs';
import { seededRandom } from './lib/stats.mjs';
import { serviceName } from './lib/services.mjs';

let sim;
let revision = 1;

serve({
  async start({ services, history, throttle, ecsEvents = false }) {
    sim = await startSimulator({ clock: 'real', throttle, seed: 7, ecsEvents });
    if (history === 'realistic') createRealistic(services);
    else sim.createServices(services, { prefix: 'svc', history });
    // sim.queue: the SQS queue of issue 15 (absent from an older simulator, bench/beforeAfter.sh).
    return { url: sim.url, region: sim.region, queueUrl: sim.queue?.url };
  },
  // A task crash whose detection is timed (bench/events.mjs); ECS takes a while to replace it.
  crash({ service }) {
    sim.crashTasks(service, 1, { restartAfterMs: 15_000 });
    return { t0: Date.now() };
  },
  // The state change whose detection is timed: t0 is taken right after the model changed.
  deploy({ service }) {
    revision += 1;
    const deploymentId = sim.deploy(service, { image: `${service}:${revision}` });
    return { deploymentId, t0: Date.now() };
  },
  stats() {
    return { calls: { ...sim.calls }, throttled: { ...sim.throttled }, sqs: sim.queue?.stats() };
  },
  async close() {
    await sim?.close();
    setImmediate(() => process.exit(0));
    return true;
  },
});

/**
 * Services named as `createServices` names them, each with 20 to 100 service events (seeded),
 * as real ECS services carry: the figures then mean what they say (issue 13).
 */
function createRealistic(count) {
  const random = seededRandom(count * 7 + 13);
  for (let i = 1; i <= count; i += 1) {
    sim.createService(serviceName(i, count), { history: 20 + Math.floor(random() * 81) });
  }
}
