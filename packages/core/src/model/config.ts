import type { ConsoleAccess } from './accountConsoleUrl.js';

/**
 * Monitoring settings that shape the reducer's decisions, under the original mona's names
 * where it had them. Polling settings (intervals, rate limits) live with the stream.
 */
export interface MonitorConfig {
  /** Seconds a deployment may go without progress before `DeploymentTimedOut`. */
  secondsUntilAlert: number;
  /** Measure the timeout from the PRIMARY deployment's `updatedAt` (the original's "since latest update") or its `createdAt`. */
  timeoutFrom: 'updatedAt' | 'createdAt';
  /** Consecutive failed sweeps of a cluster before `MonitorDegraded`. */
  degradedAfterFailures: number;
  /**
   * Good sweeps in a row that end an outage (`MonitorRecovered`); each relapse during the outage
   * (a failure cutting a good run short) doubles the run needed, up to 4×, so a flapping cluster
   * is one degraded/recovered pair. Absent: 1, the first good sweep (DESIGN §4 as first written,
   * and what recordings made before this option replay with). The runner's default is 3.
   */
  recoveredAfterSweeps?: number;
  /** Console links through the IAM Identity Center access portal, so each opens in its cluster's account. */
  consoleAccess?: ConsoleAccess;
}

/**
 * Defaults of the reducer. `secondsUntilAlert` is 600, not the original's 60: a rolling ECS
 * deployment behind a load balancer waits for health checks and the target group's
 * deregistration delay (300 s by default) without any count changing, so 60 s "since the latest
 * update" would report a stall for most healthy deployments (see MIGRATING.md).
 */
export const DEFAULT_MONITOR_CONFIG: MonitorConfig = Object.freeze({
  secondsUntilAlert: 600,
  timeoutFrom: 'updatedAt',
  degradedAfterFailures: 3,
});

/** AWS console link to a service (new console URL scheme). */
export function consoleUrl(region: string, cluster: string, service: string): string {
  const r = encodeURIComponent(region);
  return `https://${r}.console.aws.amazon.com/ecs/v2/clusters/${encodeURIComponent(cluster)}/services/${encodeURIComponent(service)}/health?region=${r}`;
}
