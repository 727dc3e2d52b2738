import type { Simulator } from './Simulator.js';

/** The services of the demo story and their starting desired counts. */
export const DEMO_SERVICES: Readonly<Record<string, number>> = { api: 2, web: 2, worker: 2, billing: 2 };

/** Options of the demo story. */
export interface DemoStoryOptions {
  /** Narration, one line per beat (the demo prints it between Mona's notifications). */
  log?: (line: string) => void;
  /** Length of one story beat in ms (pauses between chapters). Default 1000. */
  stepMs?: number;
  /** How long the billing deployment stays stalled; make the monitor's secondsUntilAlert shorter. Default 8 beats. */
  stallMs?: number;
}

/**
 * Creates the demo services (api, web, worker, billing) if they do not exist yet. Call it before
 * starting the monitor so they are its start-up baseline; `runDemoStory` calls it too.
 *
 * @example
 * createDemoServices(sim); // ['api', 'web', 'worker', 'billing']
 */
export function createDemoServices(sim: Simulator): string[] {
  const names = Object.keys(DEMO_SERVICES);
  for (const name of names) {
    if (!sim.hasService(name)) sim.createService(name, { desiredCount: DEMO_SERVICES[name] ?? 2, history: 5 });
  }
  return names;
}

/**
 * The scripted story of `mona demo`: a deployment of api that completes, a scale-out of web, a
 * crash of worker (exit 137, OutOfMemoryError) and its recovery, a deployment of billing that
 * stalls (and is then fixed), and a circuit-breaker rollback of web. On a real-clock simulator
 * it waits in real time (about 20 s with `stepMs` 500 on both); on a fake clock it advances time.
 *
 * @example
 * const sim = await startSimulator({ clock: 'real', stepMs: 500 });
 * createDemoServices(sim);
 * // ... start Mona against sim.url ...
 * await runDemoStory(sim, { log: console.log, stepMs: 500, stallMs: 6_000 });
 */
export async function runDemoStory(sim: Simulator, options: DemoStoryOptions = {}): Promise<void> {
  const beat = Math.max(1, options.stepMs ?? 1000);
  const log = options.log ?? (() => undefined);
  const wait = (ms: number): Promise<void> => pause(sim, ms);
  const settle = (service: string): Promise<void> => untilSettled(sim, service, beat);

  createDemoServices(sim);
  log('story: services api, web, worker and billing are running');
  await wait(2 * beat);

  log('story: deploying api with image api:2');
  sim.deploy('api', { image: 'api:2' });
  await settle('api');

  log('story: scaling web out from 2 to 4 tasks');
  sim.scale('web', 4);
  await settle('web');

  log('story: a worker task runs out of memory (exit 137)');
  // The replacement waits a few beats, so a monitor polling every second sees the crash.
  sim.crashTasks('worker', 1, {
    exitCode: 137,
    reason: 'OutOfMemoryError: Container killed due to memory usage',
    restartAfterMs: 3 * beat,
  });
  await settle('worker');

  log('story: deploying billing:2, which cannot be placed and stalls');
  sim.stallDeployment('billing', { image: 'billing:2' });
  await wait(options.stallMs ?? 8 * beat);

  log('story: fixing billing with billing:3');
  sim.deploy('billing', { image: 'billing:3' });
  await settle('billing');

  log('story: deploying web:2, whose tasks fail to start; the circuit breaker rolls back');
  sim.failDeployment('web', { image: 'web:2', rollback: true });
  await settle('web');

  // Give the monitor a last poll of the final state before the demo shuts down.
  await wait(2 * beat);
  log('story: done');
}

/** Waits `ms` of simulator time: real sleeping on a real clock, `advance` on a fake one. */
async function pause(sim: Simulator, ms: number): Promise<void> {
  if (sim.clock === 'fake') {
    sim.advance(ms);
    await Promise.resolve();
    return;
  }
  await new Promise((resolve) => setTimeout(resolve, ms));
}

/** Waits until the service has no rollout work left, then one more beat for the monitor to see it. */
async function untilSettled(sim: Simulator, service: string, beat: number): Promise<void> {
  // Bounded: a rollout of the demo's sizes takes well under 60 steps.
  for (let i = 0; i < 60 && sim.isBusy(service); i += 1) await pause(sim, sim.stepMs);
  await pause(sim, beat);
}
