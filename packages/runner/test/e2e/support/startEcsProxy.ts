import { startHttpFault } from './startHttpFault.js';

/** A switchable front for the simulator's ECS API: forwards, or answers every call with an error. */
export interface EcsProxy {
  url: string;
  /** While true, every ECS call fails (an outage as Mona sees it). */
  down: boolean;
  close(): Promise<void>;
}

/** A non-retryable ECS error, so each sweep fails at once instead of waiting for SDK retries. */
const ECS_OUTAGE = {
  status: 400,
  contentType: 'application/x-amz-json-1.1',
  body: JSON.stringify({ __type: 'AccessDeniedException', message: 'simulated outage' }),
};

/**
 * Start a proxy on 127.0.0.1 in front of `target` (the simulator): `startHttpFault` with an ECS
 * outage behind a switch.
 *
 * @example
 * const proxy = await startEcsProxy(sim.url);
 * proxy.down = true; // the next sweeps fail → MonitorDegraded
 */
export async function startEcsProxy(target: string): Promise<EcsProxy> {
  const fault = await startHttpFault(target);
  return {
    url: fault.url,
    get down() {
      return fault.down !== undefined;
    },
    set down(value: boolean) {
      fault.down = value ? ECS_OUTAGE : undefined;
    },
    close: () => fault.close(),
  };
}
