import { Simulator } from './Simulator.js';
import type { SimulatorOptions } from './Simulator.js';

/** Options of `startSimulator`: the simulator's, plus the port. */
export interface StartSimulatorOptions extends SimulatorOptions {
  /** TCP port on 127.0.0.1. Default 0 (any free port; read `sim.url`). */
  port?: number;
}

/**
 * Starts a simulator listening on 127.0.0.1. Point an AWS SDK v3 client at `sim.url`.
 *
 * @example
 * const sim = await startSimulator({ throttle: true });
 * sim.createServices(10);
 * const ecs = new ECSClient({ endpoint: sim.url, region: sim.region, credentials: { accessKeyId: 'x', secretAccessKey: 'x' } });
 * await sim.close();
 */
export async function startSimulator(options: StartSimulatorOptions = {}): Promise<Simulator> {
  const { port = 0, ...rest } = options;
  const sim = new Simulator(rest);
  try {
    return await sim.listen(port);
  } catch (error) {
    await sim.close();
    throw error;
  }
}
