import { Ajv, type ValidateFunction } from 'ajv';

/**
 * The one ajv instance for sender options. `allErrors` so a user sees every problem at once;
 * `useDefaults` so schema defaults reach `create()`. ajv-formats is not a dependency of core:
 * the two formats sender options need (`uri`, `email`) are checked here in a few lines.
 */
const ajv = new Ajv({ allErrors: true, useDefaults: true, strict: true, allowUnionTypes: true });

ajv.addFormat('uri', (value: string) => {
  try {
    return new URL(value).protocol.length > 1;
  } catch {
    return false;
  }
});
// Deliberately loose: the mail server is the authority on addresses; this catches typos like a missing @.
ajv.addFormat('email', /^[^\s@<>]+@[^\s@<>]+$/);

const cache = new WeakMap<object, ValidateFunction>();

/** Compile (once per schema object) the validator of a plugin's `optionsSchema`. Throws ajv's error on an invalid schema. */
export function compileOptionsSchema(schema: object): ValidateFunction {
  const cached = cache.get(schema);
  if (cached) return cached;
  const validate = ajv.compile(schema);
  cache.set(schema, validate);
  return validate;
}
