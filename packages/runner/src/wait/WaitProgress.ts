import type { MonitorEvent } from '@mona-ecs/core';
import type { DeploymentSnapshot } from '@mona-ecs/core/ecs';
import type { Phase } from '@mona-ecs/core/pipeline';

/**
 * Where one service's wait stands:
 * - `waiting`: the followed deployment (or the one named by the flags) has not ended yet;
 * - `completed`: it reached a steady state (exit 0);
 * - `failed`: its rollout FAILED and no rollback followed (exit 1);
 * - `rolledBack`: the circuit breaker rolled it back (exit 1);
 * - `superseded`: another deployment replaced it before it completed (exit 1);
 * - `removed`: the service was deleted while waiting (exit 1);
 * - `missing`: ECS does not know the service or the cluster (exit 2);
 * - `timedOut`: `--timeout` passed first (exit 3).
 */
export type WaitStatus = 'waiting' | 'completed' | 'failed' | 'rolledBack' | 'superseded' | 'removed' | 'missing' | 'timedOut' | 'error';

/** Which deployment each service must finish: any whose id or task definition is listed; the PRIMARY when both lists are empty. */
export interface WaitTargets {
  deployments: readonly string[];
  taskDefinitions: readonly string[];
}

/** One service's wait, as printed and as `--json` reports it. */
export interface ServiceWait {
  service: string;
  status: WaitStatus;
  /** The deployment followed, once known. */
  deploymentId?: string;
  /**
   * The deployment named by `--deployment`/`--task-definition` while no sweep has shown it
   * (`task definition batch:9`): the wait is for it, not for whatever the PRIMARY is doing.
   */
  unseenTarget?: string;
  taskDef?: string;
  /** The reducer's phase of the service at the last sweep. */
  phase?: Phase;
  runningCount: number;
  desiredCount: number;
  pendingCount: number;
  /** `failedTasks` of the followed deployment. */
  failedTasks: number;
  /** The followed deployment as last seen (for the timeout notification). */
  deployment?: DeploymentSnapshot;
  /** The service's own running count (all deployments) at the last sweep. */
  serviceRunningCount?: number;
  /** Why it ended (the rollout state reason, the removal reason, …). */
  reason?: string;
  durationSeconds?: number;
  /**
   * The reducer events that ended the wait (a completion; a failure and its rollback), what the
   * configured senders receive. Their enriched copies replace them when they leave the stream.
   */
  events: MonitorEvent[];
}

/** The whole wait: one entry per `--service`, in the order given. */
export interface WaitProgress {
  cluster: string;
  region: string;
  targets: WaitTargets;
  services: ServiceWait[];
  /** `observedAt` of the first sweep (epoch ms), for the elapsed time. */
  firstObservedAt?: number;
  lastObservedAt?: number;
  /** Message of the last failed sweep, cleared by a good one. */
  sweepError?: string;
  /** Things worth a line of their own (tasks failing, a stalled rollout), oldest first; the printer consumes them. */
  notes: string[];
}

/**
 * The wait before the first sweep.
 *
 * @example
 * const progress = initialWait('prod', 'eu-west-1', ['api'], { deployments: [], taskDefinitions: [] });
 */
export function initialWait(cluster: string, region: string, services: readonly string[], targets: WaitTargets): WaitProgress {
  return {
    cluster,
    region,
    targets,
    notes: [],
    services: services.map((service) => ({
      service,
      status: 'waiting',
      runningCount: 0,
      desiredCount: 0,
      pendingCount: 0,
      failedTasks: 0,
      events: [],
    })),
  };
}

/**
 * Whether every service's wait has ended (any status but `waiting`).
 *
 * @example
 * if (allEnded(progress)) printer.finish(progress, 900);
 */
export function allEnded(progress: WaitProgress): boolean {
  return progress.services.every((s) => s.status !== 'waiting');
}

/**
 * Whether the wait should stop now: everything ended, or something went wrong and the gate has
 * failed anyway (fail fast: the pipeline is red whatever the other services do).
 *
 * @example
 * if (shouldStop(progress)) subscription.unsubscribe();
 */
export function shouldStop(progress: WaitProgress): boolean {
  return allEnded(progress) || progress.services.some((s) => s.status !== 'waiting' && s.status !== 'completed');
}

/**
 * The exit code of a finished wait: 2 if a service or the cluster is unknown, 1 if a deployment
 * failed, rolled back, was superseded or its service removed, 3 on timeout, else 0.
 *
 * @example
 * process.exitCode = waitExitCode(progress);
 */
export function waitExitCode(progress: WaitProgress): 0 | 1 | 2 | 3 {
  const statuses = new Set(progress.services.map((s) => s.status));
  if (statuses.has('missing')) return 2;
  if (['failed', 'rolledBack', 'superseded', 'removed', 'error'].some((s) => statuses.has(s as WaitStatus))) return 1;
  if (statuses.has('timedOut') || statuses.has('waiting')) return 3;
  return 0;
}
