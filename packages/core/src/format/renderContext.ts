import type { ContainerChange, EventContext, StoppedTask } from '../model/context.js';
import { escapeMrkdwn as escapeValue } from './escapeMrkdwn.js';
import { shortTaskId } from './shortTaskDef.js';

/** Stopped tasks shown in a message; the count line says how many there were in all. */
const MAX_TASKS_SHOWN = 3;
/** Service event messages shown; ECS repeats them, and a wall of them hides the cause. */
const MAX_SERVICE_EVENTS_SHOWN = 3;

/** Escaped and on one line: a multi-line stop reason must not break the bullet layout. */
function escapeMrkdwn(value: unknown): string {
  return escapeValue(value).replace(/\s*\n\s*/g, ' ');
}

/**
 * Render the enrichment context as mrkdwn bullet lines (escaped), one fact per line, so the
 * answers to "why", "what changed" and "who" sit under the headline. Empty when there is none.
 *
 * @example
 * renderContext({ deployedBy: 'arn:aws:iam::1:user/jane' }); // ['• Deployed by arn:aws:iam::1:user/jane']
 */
export function renderContext(context: EventContext | undefined): string[] {
  if (!context) return [];
  const lines: string[] = [];
  if (context.deployedBy) lines.push(`• Deployed by ${escapeMrkdwn(context.deployedBy)}`);
  for (const change of context.changes ?? []) lines.push(...changeLines(change));
  lines.push(...stoppedLines(context));
  for (const message of (context.serviceEvents ?? []).slice(0, MAX_SERVICE_EVENTS_SHOWN)) {
    lines.push(`• ECS: ${escapeMrkdwn(message)}`);
  }
  if (context.incomplete && context.incomplete.length > 0) {
    lines.push(`• _Some details are missing: ${escapeMrkdwn(context.incomplete.join(', '))}_`);
  }
  return lines;
}

function changeLines(change: ContainerChange): string[] {
  const name = escapeMrkdwn(change.name);
  const lines: string[] = [];
  if (change.image !== change.previousImage) {
    if (change.previousImage === undefined) lines.push(`• New container ${name}: ${escapeMrkdwn(change.image)}`);
    else if (change.image === undefined) lines.push(`• Container ${name} removed (was ${escapeMrkdwn(change.previousImage)})`);
    else lines.push(`• Image ${name}: ${escapeMrkdwn(change.previousImage)} → ${escapeMrkdwn(change.image)}`);
  }
  const sizes: string[] = [];
  if (change.cpu !== change.previousCpu && change.previousImage !== undefined && change.image !== undefined) {
    sizes.push(`CPU ${change.previousCpu ?? '-'} → ${change.cpu ?? '-'}`);
  }
  if (change.memory !== change.previousMemory && change.previousImage !== undefined && change.image !== undefined) {
    sizes.push(`memory ${change.previousMemory ?? '-'} → ${change.memory ?? '-'}`);
  }
  if (sizes.length > 0) lines.push(`• ${name}: ${sizes.join(', ')}`);
  return lines;
}

function stoppedLines(context: EventContext): string[] {
  const tasks = context.stoppedTasks ?? [];
  const count = context.stoppedCount ?? tasks.length;
  if (count === 0 && tasks.length === 0) return [];
  const shown = Math.min(tasks.length, MAX_TASKS_SHOWN);
  const latest = shown > 0 && shown < count ? `, latest ${shown}` : '';
  const lines = [`• ${count} ${count === 1 ? 'task' : 'tasks'} stopped${latest}${shown > 0 ? ':' : ''}`];
  for (const task of tasks.slice(0, MAX_TASKS_SHOWN)) lines.push(...taskLines(task));
  return lines;
}

function taskLines(task: StoppedTask): string[] {
  const why = [task.stopCode, task.stoppedReason].filter((s) => s !== undefined && s !== '').join(': ');
  const lines = [`    ◦ task ${escapeMrkdwn(shortTaskId(task.taskArn))}${why ? `: ${escapeMrkdwn(why)}` : ''}`];
  for (const container of task.containers) {
    const failed = (container.exitCode !== undefined && container.exitCode !== 0) || container.reason;
    if (!failed) continue;
    const exit = container.exitCode !== undefined ? `exit ${container.exitCode}` : '';
    const detail = [exit, container.reason ?? ''].filter((s) => s !== '').join(': ');
    lines.push(`        ◦ ${escapeMrkdwn(container.name)}: ${escapeMrkdwn(detail)}`);
  }
  return lines;
}
