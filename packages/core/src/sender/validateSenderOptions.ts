import type { ErrorObject } from 'ajv';
import { MonaError } from '../errors.js';
import { compileOptionsSchema } from './optionsAjv.js';
import type { SenderPlugin } from './types.js';

/**
 * Validate `options` against the plugin's `optionsSchema` (with its precompiled `validateOptions`
 * when it has one) and return them typed, with schema
 * defaults applied (on a copy: the caller's object is never mutated). Every problem is listed
 * at once with its JSON path, prefixed by `path` (where the options sit in the config).
 * Throws `MonaError` `MONA_OPTIONS_INVALID`.
 *
 * @example
 * validateSenderOptions(slack, { webhookUrl: 42 }, 'senders[0] (@mona-ecs/sender-slack)');
 * // MonaError: senders[0] (@mona-ecs/sender-slack): options/webhookUrl must be string
 */
export function validateSenderOptions<O>(plugin: SenderPlugin<O>, options: unknown, path?: string): O {
  const validate = plugin.validateOptions ?? compileOptionsSchema(plugin.optionsSchema);
  const copy = cloneOptions(options);
  if (validate(copy)) return copy as O;
  const prefix = path ?? plugin.name;
  const problems = (validate.errors ?? []).map((error) => `${prefix}: ${describeError(error)}`);
  throw new MonaError('MONA_OPTIONS_INVALID', problems.join('\n'), { cause: validate.errors });
}

/**
 * A copy for ajv's `useDefaults` to fill in. Options built in code may hold what structured
 * cloning refuses (a function, a class instance such as a custom transport): those get a
 * shallow copy, so only nested objects without defaults are shared with the caller.
 */
function cloneOptions(options: unknown): unknown {
  if (options === undefined) return {};
  try {
    return structuredClone(options);
  } catch {
    return typeof options === 'object' && options !== null && !Array.isArray(options) ? { ...options } : options;
  }
}

/** `options/webhookUrl must be string`, `options must NOT have additional property 'colour'`. */
function describeError(error: ErrorObject): string {
  const at = `options${error.instancePath}`;
  const params = error.params as Record<string, unknown>;
  if (error.keyword === 'additionalProperties') {
    return `${at} must NOT have additional property '${String(params.additionalProperty)}'`;
  }
  if (error.keyword === 'required') return `${at} must have required property '${String(params.missingProperty)}'`;
  if (error.keyword === 'enum') {
    return `${at} must be one of ${JSON.stringify(params.allowedValues)}`;
  }
  return `${at} ${error.message ?? 'is invalid'}`;
}
