import { formatDuration, shortTaskDef } from '@mona-ecs/core/format';
import type { ServiceWait, WaitStatus } from './WaitProgress.js';

const BAR_WIDTH = 20;

/** What each status looks like at the start of a line. */
const MARK: Record<WaitStatus, string> = {
  waiting: '…',
  completed: '✔',
  failed: '✖',
  rolledBack: '✖',
  superseded: '✖',
  removed: '✖',
  missing: '?',
  timedOut: '⏱',
  error: '✖',
};

/**
 * A text progress bar of `running / desired`, e.g. `[██████░░░░]`.
 *
 * @example
 * progressBar(3, 4, 8); // '[██████░░]'
 */
export function progressBar(running: number, desired: number, width = BAR_WIDTH): string {
  const ratio = desired > 0 ? Math.min(1, Math.max(0, running / desired)) : 1;
  const filled = Math.round(ratio * width);
  return `[${'█'.repeat(filled)}${'░'.repeat(width - filled)}]`;
}

/**
 * The counts of a service's followed deployment.
 *
 * @example
 * counts(wait); // '3/4 running, 1 pending, 0 failed'
 */
export function counts(wait: ServiceWait): string {
  return `${wait.runningCount}/${wait.desiredCount} running, ${wait.pendingCount} pending, ${wait.failedTasks} failed`;
}

/** What the service is doing, e.g. `deploying api:42` or `rolled back`. */
function doing(wait: ServiceWait): string {
  if (wait.status === 'waiting' && wait.unseenTarget !== undefined) return `waiting for ${wait.unseenTarget} to appear`;
  const what = wait.status === 'waiting' ? (wait.phase ?? 'starting') : statusWord(wait.status);
  return wait.taskDef ? `${what} ${shortTaskDef(wait.taskDef)}` : what;
}

function statusWord(status: WaitStatus): string {
  return { rolledBack: 'rolled back', timedOut: 'timed out' }[status as string] ?? status;
}

/**
 * The live line of one service on a terminal: name, bar, counts, elapsed time, phase.
 *
 * @example
 * ttyLine(wait, 12, 8); // '… api      [███████████████░░░░░] 3/4 running, 1 pending, 0 failed  12s  deploying api:42'
 */
export function ttyLine(wait: ServiceWait, elapsedSeconds: number, nameWidth: number): string {
  const bar = progressBar(wait.runningCount, wait.desiredCount);
  return `${MARK[wait.status]} ${wait.service.padEnd(nameWidth)} ${bar} ${counts(wait)}  ${formatDuration(elapsedSeconds)}  ${doing(wait)}`;
}

/**
 * The line printed in CI logs when a service changes.
 *
 * @example
 * plainLine(wait, 12); // '[12s] api: 3/4 running, 1 pending, 0 failed (deploying api:42)'
 */
export function plainLine(wait: ServiceWait, elapsedSeconds: number): string {
  return `[${formatDuration(elapsedSeconds)}] ${wait.service}: ${counts(wait)} (${doing(wait)})`;
}

/**
 * The final lines of one service: the verdict, its reason, and the stop reasons the enrichment
 * found (at most five tasks).
 *
 * @example
 * resultLines(wait, 600); // ['✖ api: deployment ecs-svc/1 rolled back: ECS deployment circuit breaker: …', '    stopped task 1a2b: …']
 */
export function resultLines(wait: ServiceWait, timeoutSeconds: number): string[] {
  const deployment = wait.deploymentId ? `deployment ${wait.deploymentId}` : 'service';
  const head = `${MARK[wait.status]} ${wait.service}: ${verdict(wait, deployment, timeoutSeconds)}`;
  return [head, ...stopReasons(wait).map((line) => `    ${line}`)];
}

function verdict(wait: ServiceWait, deployment: string, timeoutSeconds: number): string {
  const td = wait.taskDef ? ` (${shortTaskDef(wait.taskDef)}, ${wait.runningCount}/${wait.desiredCount} running)` : '';
  const took = wait.durationSeconds !== undefined ? ` in ${formatDuration(wait.durationSeconds)}` : '';
  switch (wait.status) {
    case 'completed':
      return `${deployment} completed${took}${td}`;
    case 'timedOut':
      if (wait.unseenTarget !== undefined) {
        return `timed out after ${formatDuration(timeoutSeconds)}: ${wait.reason ?? `the requested ${wait.unseenTarget} was not seen`}; check that it was registered and the service updated to it`;
      }
      return `still ${wait.phase ?? 'waiting'} after ${formatDuration(timeoutSeconds)}: timed out${td}${wait.reason ? `; ${wait.reason}` : ''}`;
    case 'waiting':
      return `not waited for (another service ended the wait)${td}`;
    case 'missing':
    case 'removed':
    case 'error':
      return wait.reason ?? wait.status;
    default:
      return `${deployment} ${statusWord(wait.status)}${wait.reason ? `: ${wait.reason}` : ''}${td}`;
  }
}

/** Stop reasons of the tasks the enrichment found, then ECS's own trouble messages. */
function stopReasons(wait: ServiceWait): string[] {
  const lines: string[] = [];
  const context = [...wait.events]
    .reverse()
    .map((e) => ('context' in e ? e.context : undefined))
    .find((c) => c !== undefined);
  if (!context) return lines;
  // Tasks of other deployments stopped too (the rollback scales the failed one in): not the cause.
  const ours = (context.stoppedTasks ?? []).filter((t) => !wait.taskDef || !t.taskDefinition || t.taskDefinition === wait.taskDef);
  for (const task of ours.slice(0, 5)) {
    const containers = task.containers
      .filter((c) => c.reason !== undefined || (c.exitCode !== undefined && c.exitCode !== 0))
      .map((c) => [`${c.name}:`, c.reason, c.exitCode !== undefined ? `(exit ${c.exitCode})` : undefined].filter(Boolean).join(' '));
    const id = task.taskArn.split('/').pop() ?? task.taskArn;
    lines.push(`stopped task ${id}: ${[task.stoppedReason ?? task.stopCode ?? 'stopped', ...containers].join('; ')}`);
  }
  for (const message of (context.serviceEvents ?? []).slice(0, 3)) lines.push(`ECS: ${message}`);
  return lines;
}
