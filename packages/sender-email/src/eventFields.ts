import { defuse, type MonitorEvent } from '@mona-ecs/core';
import { formatDuration } from '@mona-ecs/core/format';

/** One labelled value of the fields table, defused but not escaped (each renderer escapes for its format). */
export type Field = readonly [label: string, value: string];

/**
 * The facts of an event worth a row in an email, in reading order: where, what, counts, why.
 * Values come from ECS and the config: defused here (no bidi controls, no live `<!channel>` or
 * `@everyone` if a mail is forwarded to chat), still to be escaped by each renderer.
 *
 * @example
 * eventFields(event); // [['Cluster', 'prod'], ['Service', 'api'], ['Task definition', 'api:42'], …]
 */
export function eventFields(event: MonitorEvent): Field[] {
  const fields: Array<[string, string | number | undefined]> = [
    ['Event', event.type],
    ['Account', accountOf(event)],
    ['Cluster', event.cluster],
    ['Region', event.region],
    ['Service', 'service' in event ? event.service : undefined],
    ['Services', 'serviceNames' in event ? event.serviceNames.join(', ') : undefined],
    ['Task definition', 'taskDef' in event ? event.taskDef : undefined],
    ['Previous task definition', 'previousTaskDef' in event ? event.previousTaskDef : undefined],
    ['Deployment', 'deploymentId' in event ? event.deploymentId : undefined],
    ['Running / desired', 'desiredCount' in event ? `${event.runningCount} / ${event.desiredCount}` : undefined],
    ['Previous desired', 'previousDesiredCount' in event ? event.previousDesiredCount : undefined],
    ['Pending', 'pendingCount' in event ? event.pendingCount : undefined],
    ['Failed tasks', 'failedTasks' in event ? event.failedTasks : undefined],
    ['Completed', 'kind' in event ? event.kind : undefined],
    ['Duration', 'durationSeconds' in event ? formatSeconds(event.durationSeconds) : undefined],
    ['Alert after', 'secondsUntilAlert' in event ? formatSeconds(event.secondsUntilAlert) : undefined],
    ['Failures', 'failures' in event ? event.failures : undefined],
    ['Reason', 'reason' in event ? event.reason : undefined],
    ['Deployed by', 'context' in event ? event.context?.deployedBy : undefined],
    ['Observed at', isoTime(event.observedAt)],
  ];
  return fields.filter((f): f is [string, string | number] => f[1] !== undefined && f[1] !== '').map(([l, v]) => [l, defuse(v)]);
}

/** The alias with its id when both are known; absent for a single account. */
function accountOf(event: MonitorEvent): string | undefined {
  if (!event.account) return undefined;
  return event.accountId && event.accountId !== event.account ? `${event.account} (${event.accountId})` : event.account;
}

/** A malformed time (a hand-edited recording, a third-party source) is left out, never thrown. */
function isoTime(epochMs: unknown): string | undefined {
  const date = new Date(typeof epochMs === 'number' ? epochMs : Number.NaN);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

/** Durations as the default texts write them (`1m 35s`, `3h 2m`): email readers should not do arithmetic. */
function formatSeconds(seconds: number | undefined): string | undefined {
  return seconds === undefined || !Number.isFinite(seconds) ? undefined : formatDuration(seconds);
}

/** The console link of an event, if it has one that is safe to put in an `href`. */
export function consoleLinkOf(event: MonitorEvent): string | undefined {
  const url = 'consoleUrl' in event ? event.consoleUrl : undefined;
  return url !== undefined && url.startsWith('https://') ? url : undefined;
}
