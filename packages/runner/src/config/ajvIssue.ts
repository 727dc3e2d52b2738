import type { ErrorObject } from 'ajv';
import { EventType, FORMATTER_KEYS, FormatterKeyOf } from '@mona-ecs/core/format';
import { RunnerErrorCode } from '../errors.js';
import type { ConfigIssue } from '../errors.js';
import { closestMatch } from './closestMatch.js';

/** `/senders/0/events/2`: a routing list of formatter keys. */
const EVENTS_ITEM = /^\/senders\/\d+\/events\/\d+$/;

/**
 * One ajv error as a config issue: its JSON path (under `basePath`, e.g. `/senders/0/options`
 * for a plugin's options), what is wrong, echoing the bad value, and how to fix it, with the
 * closest allowed key or value when it looks like a typo. `allowedKeys` lists the keys an
 * unknown key is compared with when ajv did not keep the schema (non-verbose instances).
 *
 * @example
 * ajvIssue(error); // { path: '/senders/0/events/0', message: '"deploydone" is not a formatter key', hint: 'did you mean "deployDone"? …' }
 */
export function ajvIssue(error: ErrorObject, options: { basePath?: string; allowedKeys?: readonly string[] } = {}): ConfigIssue {
  const path = `${options.basePath ?? ''}${error.instancePath}` || '/';
  const { message, hint } = describe(error, path, options.allowedKeys);
  return { code: RunnerErrorCode.configInvalid, path, message, hint };
}

function describe(error: ErrorObject, path: string, keys: readonly string[] | undefined): { message: string; hint: string } {
  const p = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'additionalProperties': {
      const key = String(p['additionalProperty']);
      const allowed = keys ?? allowedKeys(error);
      const closest = closestMatch(key, allowed);
      const list = allowed.length > 0 ? `allowed keys: ${allowed.join(', ')}` : 'check the spelling against the plugin’s README';
      return { message: `has unknown key "${key}"`, hint: closest ? `did you mean "${closest}"? ${list}` : `check the spelling; ${list}` };
    }
    case 'required':
      return { message: `misses "${String(p['missingProperty'])}"`, hint: `add "${String(p['missingProperty'])}"` };
    case 'type':
      return { message: `must be ${String(p['type'])}`, hint: `write ${article(String(p['type']))} ${String(p['type'])} here` };
    case 'enum':
      return EVENTS_ITEM.test(path) ? unknownEvent(error.data) : unknownValue(error.data, (p['allowedValues'] as unknown[]).map(String));
    case 'minimum':
    case 'exclusiveMinimum':
    case 'maximum':
      return { message: error.message ?? `fails ${error.keyword}`, hint: `use a number ${String(p['comparison'])} ${String(p['limit'])}` };
    case 'minLength':
    case 'minItems':
      return { message: 'is empty', hint: 'write a value, or remove the key to use the default' };
    case 'anyOf':
      return { message: 'matches no allowed form', hint: 'write a cluster name, or { "name": "…", "region": "…" }' };
    default:
      return { message: error.message ?? `fails ${error.keyword}`, hint: `see the ${error.keyword} rule in mona.schema.json` };
  }
}

/** An `events` entry: users write the event type they read in the logs, or a key in the wrong case. */
function unknownEvent(value: unknown): { message: string; hint: string } {
  const written = typeof value === 'string' ? value : JSON.stringify(value);
  const typeKey = typeof value === 'string' && value in EventType ? FormatterKeyOf[value as EventType] : undefined;
  const closest = typeKey ?? (typeof value === 'string' ? closestMatch(value, FORMATTER_KEYS) : undefined);
  const guess = typeKey
    ? `"${written}" is an event type; its formatter key is "${typeKey}". `
    : closest
      ? `did you mean "${closest}"? `
      : '';
  return {
    message: `"${written}" is not a formatter key`,
    hint: `${guess}events lists formatter keys (deployDone), not event type names (DeploymentCompleted); keys: ${FORMATTER_KEYS.join(', ')}`,
  };
}

function unknownValue(value: unknown, allowed: string[]): { message: string; hint: string } {
  if (value === undefined) return { message: 'is not an allowed value', hint: `use one of: ${allowed.join(', ')}` };
  const closest = typeof value === 'string' ? closestMatch(value, allowed) : undefined;
  return {
    message: `${JSON.stringify(value)} is not an allowed value`,
    hint: `${closest ? `did you mean "${closest}"? ` : ''}use one of: ${allowed.join(', ')}`,
  };
}

function article(word: string): string {
  return /^[aeiou]/.test(word) ? 'an' : 'a';
}

function allowedKeys(error: ErrorObject): string[] {
  const schema = error.parentSchema as { properties?: Record<string, unknown> } | undefined;
  return Object.keys(schema?.properties ?? {});
}
