import type { MonitorEvent } from '@mona-ecs/core';
import type { ServiceEvent } from '@mona-ecs/core/format';
import { escapeMrkdwn } from '@mona-ecs/core';
import { formatDuration, shortTaskDef } from '@mona-ecs/core/format';

/** Slack's limit for one section field's text. */
const FIELD_MAX = 2000;
/** Slack's limit for the number of fields in one section. */
const FIELDS_MAX = 10;

/**
 * The labelled facts of an event as mrkdwn section fields (`*Label*\nvalue`), every value
 * escaped, at most ten (Slack's limit).
 *
 * @example
 * messageFields(event); // ['*Account*\npayments (111111111111)', '*Cluster*\nprod', '*Service*\napi', '*Task definition*\n`api:41` → `api:42`', …]
 */
export function messageFields(event: MonitorEvent): string[] {
  const pairs: Array<[string, string | undefined]> = [
    ['Account', accountOf(event)],
    ['Cluster', escapeMrkdwn(event.cluster)],
    ...eventPairs(event),
  ];
  return pairs
    .filter((pair): pair is [string, string] => pair[1] !== undefined && pair[1] !== '')
    .slice(0, FIELDS_MAX)
    .map(([label, value]) => clip(`*${label}*\n${value}`, FIELD_MAX));
}

/** The account field, for a cluster in another account: the alias with its id when both are known. */
function accountOf(event: MonitorEvent): string | undefined {
  if (!event.account) return undefined;
  const id = event.accountId && event.accountId !== event.account ? ` (${event.accountId})` : '';
  return escapeMrkdwn(`${event.account}${id}`);
}

function eventPairs(event: MonitorEvent): Array<[string, string | undefined]> {
  switch (event.type) {
    case 'MonitorStarted':
      return [['Services', String(event.serviceNames.length)]];
    case 'ServiceRemoved':
      return [
        ['Service', escapeMrkdwn(event.service)],
        ['Reason', escapeMrkdwn(event.reason)],
      ];
    case 'MonitorDegraded':
      return [
        ['Failed sweeps', String(event.failures)],
        ['Reason', escapeMrkdwn(event.reason)],
      ];
    case 'MonitorRecovered':
      return [['Outage', formatDuration(event.durationSeconds)]];
    default:
      return servicePairs(event);
  }
}

function servicePairs(event: ServiceEvent): Array<[string, string | undefined]> {
  const pending = event.pendingCount > 0 ? `, ${event.pendingCount} pending` : '';
  const desired =
    event.type === 'ScalingStarted' && event.previousDesiredCount !== event.desiredCount
      ? `${event.previousDesiredCount} → ${event.desiredCount}`
      : String(event.desiredCount);
  return [
    ['Service', escapeMrkdwn(event.service)],
    ['Task definition', taskDefinition(event)],
    ['Running / desired', `${event.runningCount} / ${desired}${pending}`],
    ['Failed tasks', event.failedTasks > 0 ? String(event.failedTasks) : undefined],
    ['Duration', event.durationSeconds === undefined ? undefined : formatDuration(event.durationSeconds)],
    ['Reason', event.reason === undefined ? undefined : escapeMrkdwn(event.reason)],
  ];
}

function taskDefinition(event: ServiceEvent): string {
  const current = `\`${escapeMrkdwn(shortTaskDef(event.taskDef))}\``;
  const previous = event.previousTaskDef;
  if (previous === undefined || previous === event.taskDef) return current;
  return `\`${escapeMrkdwn(shortTaskDef(previous))}\` → ${current}`;
}

/**
 * Cut a mrkdwn string to `max` characters without leaving half an entity (`&am`) or half a
 * link (`<https://…`) behind, which Slack would render as garbage or reject.
 *
 * @example
 * clip('a'.repeat(5000), 3000).length; // 3000
 */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text
    .slice(0, max - 1)
    .replace(/&[a-z]{0,4}$/, '')
    .replace(/<[^>]*$/, '');
  return `${cut}…`;
}
