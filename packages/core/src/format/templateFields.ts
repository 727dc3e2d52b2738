import type { FormatterKey } from '../model/events.js';

const BASE = ['id', 'type', 'cluster', 'region', 'account', 'accountId', 'observedAt'] as const;

/** The original's `serviceState` fields plus Mona's, and the derived and context fields. */
const SERVICE_STATE = [
  ...BASE,
  'service',
  'deploymentId',
  'deploymentCreated',
  'deploymentUpdated',
  'taskDef',
  'taskDefShort',
  'runningCount',
  'desiredCount',
  'deploymentRunningCount',
  'pendingCount',
  'failedTasks',
  'success',
  'previousTaskDef',
  'previousTaskDefShort',
  'reason',
  'durationSeconds',
  'duration',
  'consoleUrl',
  'details',
  'context.deployedBy',
  'context.stoppedCount',
  'context.serviceEvents',
  'context.incomplete',
] as const;

const FIELDS: Record<FormatterKey, readonly string[]> = {
  monitorDeploy: ['cluster', 'account', 'serviceNames', 'serviceCount'],
  deploy: SERVICE_STATE,
  tasksFailing: SERVICE_STATE,
  deployFailed: SERVICE_STATE,
  rollback: [...SERVICE_STATE, 'failedDeploymentId'],
  scale: [...SERVICE_STATE, 'previousDesiredCount'],
  recover: SERVICE_STATE,
  deployDone: [...SERVICE_STATE, 'kind'],
  deployTimeout: [...SERVICE_STATE, 'secondsUntilAlert'],
  serviceRemoved: [...BASE, 'service', 'reason', 'consoleUrl'],
  monitorDegraded: [...BASE, 'failures', 'reason'],
  monitorRecovered: [...BASE, 'durationSeconds', 'duration'],
};

/** `{name}` or `{context.name}`; anything else in braces is literal text. */
export const PLACEHOLDER = /\{([A-Za-z][A-Za-z0-9]*(?:\.[A-Za-z][A-Za-z0-9]*)?)\}/g;

/**
 * The placeholder names a `{field}` template for `key` may use, so a host (the runner) can
 * reject a template with an unknown field when it loads the config, not when the event comes.
 *
 * @example
 * templateFields('scale').includes('previousDesiredCount'); // true
 */
export function templateFields(key: FormatterKey): readonly string[] {
  return FIELDS[key];
}

/**
 * The placeholders of `template` that `key` does not know, in order of appearance, each once.
 *
 * @example
 * unknownTemplateFields('deploy', '{service} {oops}'); // ['oops']
 */
export function unknownTemplateFields(key: FormatterKey, template: string): string[] {
  const allowed = new Set(FIELDS[key]);
  const unknown: string[] = [];
  for (const match of template.matchAll(PLACEHOLDER)) {
    const name = match[1] ?? '';
    if (!allowed.has(name) && !unknown.includes(name)) unknown.push(name);
  }
  return unknown;
}
