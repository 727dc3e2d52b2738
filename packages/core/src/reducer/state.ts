/**
 * The reducer's memory of one cluster. Plain, JSON-serialisable data (no classes, no Maps, no
 * `undefined` values) so a runner can persist it and a replay can start from it.
 */

/**
 * What a service is doing, as far as the reducer can tell:
 * - `steady`: stable (one PRIMARY deployment, all tasks running, rollout done);
 * - `deploying`: a new PRIMARY deployment is rolling out;
 * - `rollingBack`: the circuit breaker replaced a failed deployment with the previous one;
 * - `scaling`: same deployment, the desired count changed and is not reached yet;
 * - `recovering`: tasks of a steady service stopped and ECS is replacing them.
 */
export type Phase = 'steady' | 'deploying' | 'rollingBack' | 'scaling' | 'recovering';

/** What the reducer remembers about one service between sweeps. */
export interface ServiceTrack {
  phase: Phase;
  /** `observedAt` of the sweep that began the current phase (epoch ms). */
  phaseSince: number;
  /** Id of the PRIMARY deployment being tracked; `''` for services without deployments (CODE_DEPLOY/EXTERNAL). */
  deploymentId: string;
  taskDef: string;
  /** Task definition the tracked deployment replaced, when the reducer saw it happen. */
  previousTaskDef?: string;
  /** Deployment replaced by the circuit breaker's rollback (phase `rollingBack`). */
  failedDeploymentId?: string;
  desiredCount: number;
  runningCount: number;
  /** `failedTasks` of the tracked deployment at the last sweep: TasksFailing fires when it rises. */
  failedTasks: number;
  /** The tracked deployment's rollout FAILED (a later PRIMARY going back to `previousTaskDef` is a rollback). */
  rolloutFailed: boolean;
  /** The tracked deployment already had its terminal event (completed or failed), or was adopted finished. */
  ended: boolean;
  /** TasksFailing was sent for the tracked deployment. */
  tasksFailingSent: boolean;
  /** DeploymentTimedOut was sent for the tracked deployment. */
  timedOutSent: boolean;
  /** Recently tracked deployment ids (newest last, bounded): a deployment id is never announced twice. */
  seen: string[];
}

/** The reducer's state for one cluster: the first argument and result of `reduce`. */
export interface ClusterState {
  cluster: string;
  region: string;
  /** The first successful sweep happened (MonitorStarted was emitted). */
  started: boolean;
  /**
   * A complete (non-partial) sweep happened. Until then a service seen for the first time may
   * simply have been in a failed batch, so it is adopted silently instead of announced.
   */
  baselineComplete: boolean;
  consecutiveFailures: number;
  /** `observedAt` of the first failure of the current run of failures. */
  firstFailureAt?: number;
  degraded: boolean;
  lastGoodSweepAt?: number;
  services: Record<string, ServiceTrack>;
  /** Deployment ids of recently removed services, so a service that flaps in the listing is not re-announced. */
  removed: Record<string, string[]>;
}

/** How many deployment ids a track remembers. */
export const SEEN_LIMIT = 16;
/** How many removed services are remembered. */
export const REMOVED_LIMIT = 64;

/**
 * The state before the first sweep of a cluster.
 *
 * @example
 * const state = initialState('prod', 'eu-west-1');
 */
export function initialState(cluster: string, region: string): ClusterState {
  return {
    cluster,
    region,
    started: false,
    baselineComplete: false,
    consecutiveFailures: 0,
    degraded: false,
    services: {},
    removed: {},
  };
}

/** Appends `id` to a bounded list of remembered deployment ids (no duplicates). */
export function remember(seen: readonly string[], id: string): string[] {
  if (id === '' || seen.includes(id)) return [...seen];
  const next = [...seen, id];
  return next.length > SEEN_LIMIT ? next.slice(next.length - SEEN_LIMIT) : next;
}

/**
 * Reads an own entry of a name-keyed record. Service names come from AWS (and `__proto__` is a
 * valid one), so plain `record[name]` could read the prototype instead.
 */
export function getOwn<T>(record: Record<string, T>, key: string): T | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}

/** Writes an own entry of a name-keyed record, even for a key like `__proto__`. */
export function setOwn<T>(record: Record<string, T>, key: string, value: T): void {
  Object.defineProperty(record, key, { value, enumerable: true, writable: true, configurable: true });
}
