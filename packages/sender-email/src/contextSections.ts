import { defuse } from '@mona-ecs/core';
import type { ContainerChange, EventContext, StoppedTask } from '@mona-ecs/core/format';

/** A titled list of lines, defused but not escaped; the text and HTML renderers lay it out. */
export interface Section {
  heading: string;
  lines: string[];
}

/**
 * Turns the enrichment context of an event (stopped tasks, image changes, service events) into
 * sections. Returns none when there is no context, so a message never shows empty headings.
 *
 * @example
 * contextSections({ changes: [{ name: 'app', previousImage: 'api:1', image: 'api:2' }] });
 * // [{ heading: 'Changes', lines: ['app: image api:1 → api:2'] }]
 */
export function contextSections(context: EventContext | undefined): Section[] {
  // Stop reasons and service events are application text: defused once here for both parts.
  return rawSections(context).map((section) => ({ heading: section.heading, lines: section.lines.map(defuse) }));
}

function rawSections(context: EventContext | undefined): Section[] {
  if (context === undefined) return [];
  const sections: Section[] = [];
  const stopped = context.stoppedTasks ?? [];
  if (stopped.length > 0) {
    const total = context.stoppedCount ?? stopped.length;
    const heading = total > stopped.length ? `Stopped tasks (latest ${stopped.length} of ${total})` : 'Stopped tasks';
    sections.push({ heading, lines: stopped.map(describeStoppedTask) });
  }
  const changes = (context.changes ?? []).map(describeChange).filter((line) => line !== undefined);
  if (changes.length > 0) sections.push({ heading: 'Changes', lines: changes });
  if ((context.serviceEvents ?? []).length > 0) sections.push({ heading: 'Service events', lines: [...(context.serviceEvents ?? [])] });
  if ((context.incomplete ?? []).length > 0) {
    sections.push({
      heading: 'Not available',
      lines: [`Some details could not be fetched in time: ${(context.incomplete ?? []).join(', ')}`],
    });
  }
  return sections;
}

function describeStoppedTask(task: StoppedTask): string {
  const id = task.taskArn.split('/').pop() ?? task.taskArn;
  const reason = [task.stopCode, task.stoppedReason].filter(Boolean).join(': ') || 'no reason given';
  const containers = task.containers
    .filter((c) => c.exitCode !== undefined || c.reason !== undefined)
    .map((c) => `${c.name} exit ${c.exitCode ?? '?'}${c.reason ? ` (${c.reason})` : ''}`);
  return containers.length > 0 ? `${id}: ${reason}; ${containers.join(', ')}` : `${id}: ${reason}`;
}

function describeChange(change: ContainerChange): string | undefined {
  const parts = [
    pair('image', change.previousImage, change.image),
    pair('cpu', change.previousCpu, change.cpu),
    pair('memory', change.previousMemory, change.memory),
  ].filter((p) => p !== undefined);
  return parts.length > 0 ? `${change.name}: ${parts.join(', ')}` : undefined;
}

function pair(label: string, before: string | number | undefined, after: string | number | undefined): string | undefined {
  if (before === after || (before === undefined && after === undefined)) return undefined;
  return `${label} ${before ?? '(none)'} → ${after ?? '(none)'}`;
}
