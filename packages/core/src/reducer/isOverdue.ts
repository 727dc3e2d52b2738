import type { MonitorConfig } from '../model/config.js';
import type { DeploymentSnapshot } from '../model/snapshot.js';

/**
 * True when a rollout went longer than `secondsUntilAlert` without an update (the original's
 * "since latest update"), or since its creation when `timeoutFrom` is `createdAt`.
 *
 * @example
 * if (isOverdue(observedAt, config, primary)) events.push(timedOut(...));
 */
export function isOverdue(
  observedAt: number,
  config: MonitorConfig,
  deployment: Pick<DeploymentSnapshot, 'createdAt' | 'updatedAt'>,
): boolean {
  const from = config.timeoutFrom === 'createdAt' ? deployment.createdAt : deployment.updatedAt;
  return observedAt - from > config.secondsUntilAlert * 1000;
}
