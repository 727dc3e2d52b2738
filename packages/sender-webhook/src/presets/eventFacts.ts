import { defuse, type MonitorEvent } from '@mona-ecs/core';

/** The console link of an event, when it is an https URL (safe to put in a link). */
export function consoleLinkOf(event: MonitorEvent): string | undefined {
  const url = 'consoleUrl' in event ? event.consoleUrl : undefined;
  return url !== undefined && url.startsWith('https://') ? url : undefined;
}

/** The service of a service event, defused; undefined for cluster events. */
export function serviceOf(event: MonitorEvent): string | undefined {
  return 'service' in event ? defuse(event.service) : undefined;
}

/**
 * What one incident is about: the deployment of a service (`mona/prod/api/ecs-svc/123`), or the
 * cluster for a monitor outage (`mona/prod/monitor`). A failure or timeout opens it and the
 * completion of the same deployment closes it, so both compute the same key.
 *
 * @example
 * incidentKey(deploymentFailed); // 'mona/prod/api/ecs-svc/1234567890123456789'
 */
export function incidentKey(event: MonitorEvent): string {
  if ('deploymentId' in event) return `mona/${event.cluster}/${event.service}/${event.deploymentId}`;
  if ('service' in event) return `mona/${event.cluster}/${event.service}`;
  return `mona/${event.cluster}/monitor`;
}

/** What a pager does with an event: open an incident, close it, or only note it. */
export type PagerAction = 'trigger' | 'resolve' | 'note';

/**
 * Failures and timeouts page; the completion of the same deployment (or a monitor's recovery)
 * resolves; everything else is a note (a PagerDuty change event), never a page.
 */
export function pagerActionOf(event: MonitorEvent): PagerAction {
  switch (event.type) {
    case 'DeploymentFailed':
    case 'DeploymentTimedOut':
    case 'TaskCrashed':
    case 'MonitorDegraded':
      return 'trigger';
    case 'DeploymentCompleted':
    case 'MonitorRecovered':
      return 'resolve';
    default:
      return 'note';
  }
}

/** A field list of an event for cards: label and defused value. */
export function factsOf(event: MonitorEvent): Array<[string, string]> {
  const facts: Array<[string, string | number | undefined]> = [
    ['Cluster', event.cluster],
    ['Region', event.region],
    ['Service', 'service' in event ? event.service : undefined],
    ['Task definition', 'taskDef' in event ? event.taskDef : undefined],
    ['Running / desired', 'desiredCount' in event ? `${event.runningCount} / ${event.desiredCount}` : undefined],
  ];
  return facts.filter((f): f is [string, string | number] => f[1] !== undefined).map(([k, v]) => [k, defuse(v)]);
}
