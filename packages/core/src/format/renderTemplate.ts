import type { MonitorEvent } from '../model/events.js';
import { escapeMrkdwn } from './escapeMrkdwn.js';
import { formatDuration } from './formatDuration.js';
import { renderContext } from './renderContext.js';
import { shortTaskDef } from './shortTaskDef.js';
import { PLACEHOLDER } from './templateFields.js';

/** A template value already rendered as mrkdwn; not escaped again. */
interface Raw {
  raw: string;
}
type TemplateValue = string | number | boolean | readonly string[] | Raw | undefined;

/**
 * Fill a `{field}` template. Values are escaped for mrkdwn (arrays joined with `, `); a known
 * field without a value (e.g. `{previousTaskDef}` on a first deployment) renders empty; an
 * unknown placeholder stays visible as written, so a mistake shows instead of vanishing.
 *
 * @example
 * renderTemplate('{service} at {desiredCount}', { service: 'api', desiredCount: 2 }, ['service', 'desiredCount']);
 * // 'api at 2'
 */
export function renderTemplate(template: string, values: Readonly<Record<string, TemplateValue>>, known: readonly string[]): string {
  return template.replace(PLACEHOLDER, (whole, name: string) => {
    if (!known.includes(name)) return whole;
    return Object.hasOwn(values, name) ? show(values[name]) : '';
  });
}

function show(value: TemplateValue): string {
  if (value === undefined) return '';
  if (typeof value === 'object' && 'raw' in value) return value.raw;
  if (Array.isArray(value)) return value.map(escapeMrkdwn).join(', ');
  return escapeMrkdwn(value);
}

/** The fields of the start-up message, whose formatter signature is the original's. */
export function monitorDeployValues(serviceNames: string[], cluster: string, account?: string): Record<string, TemplateValue> {
  return { cluster, account, serviceNames, serviceCount: serviceNames.length };
}

/**
 * Every field a template may name for `event`: its own fields, derived ones (`taskDefShort`,
 * `duration`, `details`: the rendered context lines) and the scalar context fields.
 */
export function eventValues(event: MonitorEvent): Record<string, TemplateValue> {
  const values: Record<string, TemplateValue> = {};
  for (const [name, value] of Object.entries(event)) {
    if (isScalar(value) || isStringArray(value)) values[name] = value;
  }
  if ('taskDef' in event) {
    values['taskDefShort'] = shortTaskDef(event.taskDef);
    values['previousTaskDefShort'] = event.previousTaskDef === undefined ? undefined : shortTaskDef(event.previousTaskDef);
    const context = event.context;
    values['details'] = { raw: renderContext(context).join('\n') };
    values['context.deployedBy'] = context?.deployedBy;
    values['context.stoppedCount'] = context?.stoppedCount;
    values['context.serviceEvents'] = context?.serviceEvents;
    values['context.incomplete'] = context?.incomplete;
  }
  if ('durationSeconds' in event && typeof event.durationSeconds === 'number') {
    values['duration'] = formatDuration(event.durationSeconds);
  }
  return values;
}

function isScalar(value: unknown): value is string | number | boolean {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
}

function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((v) => typeof v === 'string');
}
