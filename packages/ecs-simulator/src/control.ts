import { SimulatorError } from './errors.js';
import type { ApiRequest, ApiResponse } from './httpServer.js';
import type { Simulator } from './Simulator.js';

/** Path prefix of the control endpoint; ECS and SNS requests never use it. */
export const CONTROL_PREFIX = '/_sim/';

/** Scenario methods reachable over HTTP, for a simulator running in another process. */
const METHODS = [
  'createService',
  'createServices',
  'addService',
  'deploy',
  'scale',
  'crashTasks',
  'stallDeployment',
  'failDeployment',
  'deleteService',
  'advance',
  'resetCalls',
  'describeService',
  'isBusy',
  'injectFault',
  'clearFaults',
  'setQueueKnobs',
  'sendToQueue',
] as const;

type Method = (typeof METHODS)[number];

const json = (status: number, body: unknown): ApiResponse => ({
  status,
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(body),
});

/**
 * Answers `POST /_sim/<method>` with a JSON array of arguments by calling that scenario method,
 * and `GET /_sim/state` with the counters, so a benchmark can keep the simulator in its own
 * process (and out of the monitor's RSS) yet still drive it.
 *
 * @example
 * await fetch(`${url}/_sim/deploy`, { method: 'POST', body: JSON.stringify(['api', { image: 'api:2' }]) });
 * // → 200 {"result":"ecs-svc/1234567890123456789"}
 */
export function controlRequest(sim: Simulator, req: ApiRequest): ApiResponse {
  const name = req.path.slice(CONTROL_PREFIX.length).split('?')[0] ?? '';
  if (name === 'state') {
    return json(200, {
      now: sim.now(),
      calls: sim.calls,
      throttled: sim.throttled,
      faulted: sim.faulted,
      tokens: sim.tokens ?? null,
      published: sim.published,
      sqs: sim.queue.stats(),
    });
  }
  if (!(METHODS as readonly string[]).includes(name) || req.method !== 'POST') {
    return json(404, { code: 'SIM_UNKNOWN_CONTROL', error: `no control ${req.method} ${req.path}` });
  }
  try {
    const args: unknown = req.body === '' ? [] : JSON.parse(req.body);
    if (!Array.isArray(args)) throw new SimulatorError('SIM_BAD_ARGUMENT', 'the body must be a JSON array of arguments');
    const method = sim[name as Method] as (...a: unknown[]) => unknown;
    const result = method.apply(sim, args);
    return json(200, { result: result ?? null });
  } catch (error) {
    const code = error instanceof SimulatorError ? error.code : 'SIM_BAD_ARGUMENT';
    return json(400, { code, error: error instanceof Error ? error.message : String(error) });
  }
}
