import { escapeMrkdwn, type MonitorEvent } from '@mona-ecs/core';
import { renderContext, type ContainerChange, type EventContext, type StoppedTask } from '@mona-ecs/core/format';

/** How many stopped tasks and service events a message shows; the rest is counted. */
const MAX_TASKS = 3;
const MAX_SERVICE_EVENTS = 3;

/**
 * The enrichment context of an event as groups of mrkdwn lines (one Slack context block per
 * group): who deployed, image changes, stopped tasks with their reasons, service events, and
 * which lookups were incomplete. Every value is escaped: all of it came from ECS or the app.
 *
 * @example
 * contextLines(event); // [['Deployed by *alice*'], [':package: api: repo/api:v41 → repo/api:v42'], …]
 */
export function contextLines(event: MonitorEvent): string[][] {
  const context: EventContext | undefined = 'context' in event ? event.context : undefined;
  if (context === undefined) return [];
  const groups: string[][] = [
    context.deployedBy === undefined ? [] : [`:bust_in_silhouette: Deployed by *${escapeMrkdwn(context.deployedBy)}*`],
    (context.changes ?? []).map(changeLine).filter((line): line is string => line !== undefined),
    stoppedLines(context),
    (context.serviceEvents ?? []).slice(0, MAX_SERVICE_EVENTS).map((message) => `:speech_balloon: ${escapeMrkdwn(message)}`),
    context.incomplete === undefined || context.incomplete.length === 0
      ? []
      : [`_Context incomplete: ${context.incomplete.map(escapeMrkdwn).join(', ')}_`],
  ];
  return groups.filter((group) => group.length > 0);
}

/**
 * True when `text` already shows the event's context as core's default formatter renders it
 * (`renderContext`), so the message does not repeat it in context blocks. A user template
 * without the context gets the blocks.
 *
 * @example
 * textCarriesContext(defaultText, event); // true
 */
export function textCarriesContext(text: string, event: MonitorEvent): boolean {
  const rendered = renderContext('context' in event ? event.context : undefined);
  return rendered.length > 0 && rendered.every((line) => text.includes(line));
}

/** `api: repo/api:v41 → repo/api:v42, cpu 256 → 512`; undefined when nothing changed. */
function changeLine(change: ContainerChange): string | undefined {
  const parts = [
    arrow('', change.previousImage, change.image),
    arrow('cpu ', change.previousCpu, change.cpu),
    arrow('memory ', change.previousMemory, change.memory),
  ].filter((part): part is string => part !== undefined);
  return parts.length === 0 ? undefined : `:package: ${escapeMrkdwn(change.name)}: ${parts.join(', ')}`;
}

function arrow(label: string, before: string | number | undefined, after: string | number | undefined): string | undefined {
  if (after === undefined || before === after) return undefined;
  const from = before === undefined ? '(new)' : escapeMrkdwn(String(before));
  return `${label}${from} → ${escapeMrkdwn(String(after))}`;
}

function stoppedLines(context: EventContext): string[] {
  const tasks = context.stoppedTasks ?? [];
  const lines = tasks.slice(0, MAX_TASKS).map(stoppedLine);
  const total = Math.max(context.stoppedCount ?? 0, tasks.length);
  if (total > lines.length) lines.push(`… and ${total - lines.length} more stopped task(s)`);
  return lines;
}

/** `Task 1a2b3c stopped (EssentialContainerExited): reason; app exit 137 (OutOfMemoryError)`. */
function stoppedLine(task: StoppedTask): string {
  const id = task.taskArn.slice(task.taskArn.lastIndexOf('/') + 1).slice(0, 12);
  const code = task.stopCode === undefined ? '' : ` (${escapeMrkdwn(task.stopCode)})`;
  const reason = task.stoppedReason === undefined ? '' : `: ${escapeMrkdwn(task.stoppedReason)}`;
  const containers = task.containers
    .filter((c) => c.exitCode !== undefined || c.reason !== undefined)
    .map((c) => {
      const exit = c.exitCode === undefined ? '' : ` exit ${c.exitCode}`;
      const why = c.reason === undefined ? '' : ` (${escapeMrkdwn(c.reason)})`;
      return `${escapeMrkdwn(c.name)}${exit}${why}`;
    });
  const detail = containers.length === 0 ? '' : `; ${containers.join(', ')}`;
  return `:octagonal_sign: Task \`${escapeMrkdwn(id)}\` stopped${code}${reason}${detail}`;
}
