import type { Ajv, CodeOptions, Options, ValidateFunction } from 'ajv';
import { requireAjv } from '../requireAjv.js';

/**
 * How every sender's options are checked. `allErrors` so a user sees every problem at once;
 * `useDefaults` so schema defaults reach `create()`. A plugin's precompiled `validateOptions`
 * must be generated with these (`senderOptionsValidatorCheck` in `@mona-ecs/core/testing` does).
 */
export const SENDER_OPTIONS_AJV_OPTIONS = Object.freeze({
  allErrors: true,
  useDefaults: true,
  strict: true,
  allowUnionTypes: true,
} satisfies Options);

/**
 * A new ajv for sender options: `SENDER_OPTIONS_AJV_OPTIONS` and the two formats sender options
 * need (`uri`, `email`), checked here in a few lines (ajv-formats is not a dependency of core).
 * ajv is required on first use (`requireAjv`): a host whose plugins all carry `validateOptions`
 * never loads it (issue 13).
 */
export function newSenderOptionsAjv(code?: CodeOptions): Ajv {
  const { Ajv: AjvClass } = requireAjv();
  const ajv = new AjvClass({ ...SENDER_OPTIONS_AJV_OPTIONS, ...(code === undefined ? {} : { code }) });
  ajv.addFormat('uri', (value: string) => {
    try {
      return new URL(value).protocol.length > 1;
    } catch {
      return false;
    }
  });
  // Deliberately loose: the mail server is the authority on addresses; this catches typos like a missing @.
  ajv.addFormat('email', /^[^\s@<>]+@[^\s@<>]+$/);
  return ajv;
}

let shared: Ajv | undefined;
const cache = new WeakMap<object, ValidateFunction>();

/** Compile (once per schema object) the validator of a plugin's `optionsSchema`. Throws ajv's error on an invalid schema. */
export function compileOptionsSchema(schema: object): ValidateFunction {
  const cached = cache.get(schema);
  if (cached) return cached;
  shared ??= newSenderOptionsAjv();
  const validate = shared.compile(schema);
  cache.set(schema, validate);
  return validate;
}
