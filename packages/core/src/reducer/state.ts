/**
 * The reducer's memory of one cluster. Plain, JSON-serialisable data (no classes, no Maps, no
 * `undefined` values) so a runner can persist it and a replay can start from it.
 */

/**
 * What a service is doing, as far as the reducer can tell (DESIGN §4):
 * - `steady`: stable (one PRIMARY deployment, all tasks running, rollout done);
 * - `deploying`: a new PRIMARY deployment is rolling out;
 * - `rollingBack`: the circuit breaker replaced a failed deployment with the previous one;
 * - `scaling`: same deployment, the desired count changed and is not reached yet;
 * - `recovering`: tasks of a steady service stopped and ECS is replacing them.
 */
export type Phase = 'steady' | 'deploying' | 'rollingBack' | 'scaling' | 'recovering';

/** What every track remembers, whatever the phase. */
interface TrackBase {
  /** `observedAt` of the sweep that began the current phase (epoch ms). */
  phaseSince: number;
  /** Id of the PRIMARY deployment being tracked; `''` for services without deployments (CODE_DEPLOY/EXTERNAL). */
  deploymentId: string;
  taskDef: string;
  /** Task definition the tracked deployment replaced, when the reducer saw it happen. */
  previousTaskDef?: string;
  desiredCount: number;
  runningCount: number;
  /** Recently tracked deployment ids (newest last, bounded): a deployment id is never announced twice. */
  seen: string[];
}

/** A service at rest, or scaling, or replacing crashed tasks: nothing of a rollout to remember. */
export interface SettledTrack extends TrackBase {
  phase: 'steady' | 'scaling' | 'recovering';
}

/**
 * Where a rollout stands, as far as its news goes:
 * - `watching`: its outcome is still to be told (completion, failure), and it may yet warn once
 *   each of failing tasks and of a stall;
 * - `failed`: its rollout FAILED, and that was told (or happened before Mona saw it); a next
 *   PRIMARY going back to `previousTaskDef` is a rollback;
 * - `told`: a deployment the reducer knew before (a service back in the listing): its news
 *   went out already, so it ends silently.
 */
export type RolloutStage =
  { stage: 'watching'; failedTasks: number; tasksFailingSent: boolean; timedOutSent: boolean } | { stage: 'failed' } | { stage: 'told' };

/** A service whose PRIMARY deployment is rolling out (forward, or back after a failure). */
export interface RolloutTrack extends TrackBase {
  phase: 'deploying' | 'rollingBack';
  rollout: RolloutStage;
  /** Deployment replaced by the circuit breaker's rollback (phase `rollingBack`, when the reducer saw it). */
  failedDeploymentId?: string;
}

/** What the reducer remembers about one service between sweeps: a small state machine on `phase`. */
export type ServiceTrack = SettledTrack | RolloutTrack;

/**
 * The cluster's sweep health (MonitorDegraded / MonitorRecovered):
 * - `healthy`: the last sweep was good;
 * - `failing`: a run of failed sweeps shorter than `degradedAfterFailures`;
 * - `degraded`: MonitorDegraded was sent; good sweeps count towards `recoveredAfterSweeps`.
 */
export type ClusterHealth =
  | { status: 'healthy'; lastGoodSweepAt?: number }
  | { status: 'failing'; since: number; failures: number; lastGoodSweepAt?: number }
  | {
      status: 'degraded';
      /** `observedAt` of the outage's first failure (the key of its two events). */
      since: number;
      /** Failed sweeps since the outage began, good sweeps between them notwithstanding. */
      failedSweeps: number;
      /** The current run of good sweeps, and when it began. */
      goodSweeps: number;
      goodSince?: number;
      /** Good runs cut short by a failure: each doubles the run the recovery needs. */
      relapses: number;
      /** The last good sweep before the outage. */
      lastGoodSweepAt?: number;
    };

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
  health: ClusterHealth;
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
  return { cluster, region, started: false, baselineComplete: false, health: { status: 'healthy' }, services: {}, removed: {} };
}

/** Phases in which a deployment is rolling out (the ones that can fail or time out). */
export function isRollout(track: ServiceTrack): track is RolloutTrack {
  return track.phase === 'deploying' || track.phase === 'rollingBack';
}

/** The rollout of `track` whose outcome is still to be told, if any. */
export function watchedRollout(track: ServiceTrack): Extract<RolloutStage, { stage: 'watching' }> | undefined {
  return isRollout(track) && track.rollout.stage === 'watching' ? track.rollout : undefined;
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
