import { createRequire } from 'node:module';
import type * as AjvModule from 'ajv';

/**
 * ajv's module, required on first use rather than imported: a process that never compiles a
 * schema at run time (every built-in schema is precompiled, issue 13) never loads ajv's compiler.
 *
 * @example
 * const validate = new (requireAjv().Ajv)({ allErrors: true }).compile(schema);
 */
export function requireAjv(): typeof AjvModule {
  return createRequire(import.meta.url)('ajv') as typeof AjvModule;
}
