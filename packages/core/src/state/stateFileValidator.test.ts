import { readFileSync, writeFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { standaloneValidatorModule } from '../testing/standaloneValidators.js';
import { STATE_FILE_AJV_OPTIONS, stateFileSchema } from './stateFileSchema.js';

const FILE = new URL('./stateFileValidator.generated.ts', import.meta.url);

describe('stateFileValidator.generated.ts', () => {
  it("is ajv's standalone code of stateFileSchema.ts (UPDATE_VALIDATORS=1 regenerates it)", () => {
    const ajv = new Ajv({ ...STATE_FILE_AJV_OPTIONS, code: { source: true, esm: true } });
    const expected = standaloneValidatorModule(
      ajv,
      ajv.compile(stateFileSchema),
      'stateFileSchema.ts',
      'UPDATE_VALIDATORS=1 npx vitest run src/state/stateFileValidator.test.ts (in packages/core)',
    );
    if (process.env['UPDATE_VALIDATORS'] === '1') writeFileSync(FILE, expected);
    expect(readFileSync(FILE, 'utf8')).toBe(expected);
  });
});
