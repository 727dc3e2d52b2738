import { FORMATTER_KEYS, type FormatterKey } from '../model/events.js';
import { defaultFormatter } from './defaultFormatter.js';
import { FormatterConfigError } from './FormatterConfigError.js';
import { eventValues, monitorDeployValues, renderTemplate } from './renderTemplate.js';
import { templateFields, unknownTemplateFields } from './templateFields.js';
import type { Formatter } from './types.js';

export type FormatterTemplates = Partial<Record<FormatterKey, string>>;

function isKey(key: string): key is FormatterKey {
  return (FORMATTER_KEYS as string[]).includes(key);
}

/** Every problem at once, so a config with three mistakes is fixed in one go. */
function problemsOf(overrides: object, templates: object): string[] {
  const problems: string[] = [];
  for (const [key, value] of Object.entries(overrides)) {
    if (!isKey(key)) problems.push(`${key}: not a formatter key; known: ${FORMATTER_KEYS.join(', ')}`);
    else if (typeof value !== 'function') problems.push(`${key}: the override must be a function`);
  }
  for (const [key, template] of Object.entries(templates)) {
    if (!isKey(key)) problems.push(`${key}: not a formatter key; known: ${FORMATTER_KEYS.join(', ')}`);
    else if (typeof template !== 'string') problems.push(`${key}: the template must be a string`);
    else {
      for (const field of unknownTemplateFields(key, template)) {
        problems.push(`${key}: unknown field {${field}}; allowed: ${templateFields(key).join(', ')}`);
      }
    }
  }
  return problems;
}

/** A formatter function that fills `template` for `key`. */
function fromTemplate(key: FormatterKey, template: string): Formatter[FormatterKey] {
  const known = templateFields(key);
  if (key === 'monitorDeploy') {
    return (serviceNames: string[], cluster: string, account?: string) =>
      renderTemplate(template, monitorDeployValues(serviceNames, cluster, account), known);
  }
  return ((event: Parameters<Formatter['deploy']>[0]) => renderTemplate(template, eventValues(event), known)) as Formatter[FormatterKey];
}

/**
 * A formatter made of the defaults, then `templates` (`{field}` strings, values escaped for
 * mrkdwn), then `overrides` (functions, as the original's formatter); where a key has both, the
 * function wins. The defaults are never mutated: the result is a new frozen object.
 * Throws `FormatterConfigError` listing every unknown key, non-function override and unknown
 * template field.
 *
 * @example
 * const formatter = createFormatter(
 *   { deploy: (s) => `deploying ${s.service}` },
 *   { deployDone: ':tada: {service} is live with {taskDefShort} ({duration})' },
 * );
 */
export function createFormatter(overrides: Partial<Formatter> = {}, templates: FormatterTemplates = {}): Formatter {
  const problems = problemsOf(overrides, templates);
  if (problems.length > 0) throw new FormatterConfigError(problems);
  const formatter: Record<string, unknown> = { ...defaultFormatter };
  for (const [key, template] of Object.entries(templates)) {
    if (isKey(key) && typeof template === 'string') formatter[key] = fromTemplate(key, template);
  }
  for (const [key, override] of Object.entries(overrides)) formatter[key] = override;
  return Object.freeze(formatter) as unknown as Formatter;
}
