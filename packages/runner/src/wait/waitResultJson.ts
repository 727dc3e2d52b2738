import { waitExitCode } from './WaitProgress.js';
import type { ServiceWait, WaitProgress } from './WaitProgress.js';

/** The `--json` result of one service: one line each, for `jq` in a pipeline. */
export interface WaitResult {
  cluster: string;
  region: string;
  service: string;
  status: ServiceWait['status'];
  /** The exit code this service alone would give. */
  exitCode: number;
  deploymentId?: string;
  taskDefinition?: string;
  runningCount: number;
  desiredCount: number;
  pendingCount: number;
  failedTasks: number;
  durationSeconds?: number;
  reason?: string;
  /** `stoppedReason` of the tasks the enrichment found (diagnostics on). */
  stoppedReasons?: string[];
}

/**
 * One JSON line per service, in the order of the `--service` flags.
 *
 * @example
 * for (const line of waitResultJson(progress)) process.stdout.write(`${line}\n`);
 * // {"cluster":"prod","region":"eu-west-1","service":"api","status":"rolledBack","exitCode":1,…}
 */
export function waitResultJson(progress: WaitProgress): string[] {
  return progress.services.map((wait) => JSON.stringify(toResult(progress, wait)));
}

function toResult(progress: WaitProgress, wait: ServiceWait): WaitResult {
  const result: WaitResult = {
    cluster: progress.cluster,
    region: progress.region,
    service: wait.service,
    status: wait.status,
    exitCode: waitExitCode({ ...progress, services: [wait] }),
    runningCount: wait.runningCount,
    desiredCount: wait.desiredCount,
    pendingCount: wait.pendingCount,
    failedTasks: wait.failedTasks,
  };
  if (wait.deploymentId !== undefined) result.deploymentId = wait.deploymentId;
  if (wait.taskDef !== undefined) result.taskDefinition = wait.taskDef;
  if (wait.durationSeconds !== undefined) result.durationSeconds = wait.durationSeconds;
  if (wait.reason !== undefined) result.reason = wait.reason;
  const stopped = wait.events
    .flatMap((e) => ('context' in e ? (e.context?.stoppedTasks ?? []) : []))
    .filter((t) => !wait.taskDef || !t.taskDefinition || t.taskDefinition === wait.taskDef);
  const reasons = [...new Set(stopped.map((t) => t.stoppedReason ?? t.stopCode ?? '').filter((r) => r !== ''))];
  if (reasons.length > 0) result.stoppedReasons = reasons;
  return result;
}
