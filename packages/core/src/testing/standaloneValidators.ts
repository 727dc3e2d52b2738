import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import type { Ajv } from 'ajv';
import standalone from 'ajv/dist/standalone/index.js';
import { newSenderOptionsAjv } from '../sender/optionsAjv.js';

// A CommonJS module whose `module.exports` is the function (and `.default` too): NodeNext types it as the namespace.
const standaloneCode = standalone.default;

/**
 * The source of a TypeScript module holding ajv's standalone (precompiled) validators of the
 * schemas `ajv` compiled, for a package to commit beside the schema: loading it costs a few
 * milliseconds where compiling the schema at start costs hundreds (issue 13). `ajv` must be
 * created with `code: { source: true, esm: true }`; `refs` maps export names to schema ids (one
 * validator exported as `validate` without it). A test compares the committed file with this
 * output, so a schema change without regenerating fails the suite.
 *
 * @example
 * const ajv = new Ajv({ ...MY_AJV_OPTIONS, code: { source: true, esm: true } });
 * const text = standaloneValidatorModule(ajv, ajv.compile(mySchema), 'src/mySchema.ts');
 * expect(readFileSync('src/myValidator.generated.ts', 'utf8')).toBe(text);
 */
export function standaloneValidatorModule(
  ajv: Ajv,
  validate: Parameters<typeof standaloneCode>[1],
  from: string,
  regenerate: string,
): string {
  const code = standaloneCode(ajv, validate).replace(/^"use strict";/, '');
  return [
    `// Generated from ${from} by ajv's standalone code: do not edit. Regenerate: ${regenerate}`,
    '// @ts-nocheck',
    '/* eslint-disable */',
    "import { createRequire } from 'node:module';",
    // ajv's ESM output still requires its runtime helpers (ucs2length, equal).
    'const require = createRequire(import.meta.url);',
    code,
    '',
  ].join('\n');
}

/**
 * What a test of a committed `*.generated.ts` compares: the file as committed and what
 * `standaloneValidatorModule` makes of the schemas now. With `UPDATE_VALIDATORS=1` in the
 * environment it first writes the file anew (then both are equal).
 *
 * @example
 * const { committed, expected } = generatedValidatorCheck(new URL('./x.generated.ts', import.meta.url), ajv, ajv.compile(schema), 'x.ts', 'UPDATE_VALIDATORS=1 npx vitest run x.test.ts');
 * expect(committed).toBe(expected);
 */
export function generatedValidatorCheck(
  file: URL,
  ajv: Ajv,
  validate: Parameters<typeof standaloneCode>[1],
  from: string,
  regenerate: string,
): { committed: string; expected: string } {
  const expected = standaloneValidatorModule(ajv, validate, from, regenerate);
  if (process.env['UPDATE_VALIDATORS'] === '1') writeFileSync(file, expected);
  return { committed: existsSync(file) ? readFileSync(file, 'utf8') : '', expected };
}

/**
 * `generatedValidatorCheck` for a sender plugin's `validateOptions`: the schema compiled exactly
 * as the host compiles sender options (`SENDER_OPTIONS_AJV_OPTIONS`, the `uri` and `email`
 * formats). The generated module exports `validate`: set it as the plugin's `validateOptions`.
 * A schema using `format` cannot be precompiled this way (the generated code would need the
 * formats at run time); leave `validateOptions` out for such a schema.
 *
 * @example
 * const { committed, expected } = senderOptionsValidatorCheck(new URL('./optionsValidator.generated.ts', import.meta.url), myOptionsSchema, 'options.ts', 'UPDATE_VALIDATORS=1 npx vitest run src/optionsValidator.test.ts');
 * expect(committed).toBe(expected);
 */
export function senderOptionsValidatorCheck(
  file: URL,
  schema: object,
  from: string,
  regenerate: string,
): { committed: string; expected: string } {
  const ajv = newSenderOptionsAjv({ source: true, esm: true });
  return generatedValidatorCheck(file, ajv, ajv.compile(schema), from, regenerate);
}
