import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { generatedValidatorCheck } from '../testing/standaloneValidators.js';
import { STATE_FILE_AJV_OPTIONS, stateFileSchema } from './stateFileSchema.js';

const FILE = new URL('./stateFileValidator.generated.ts', import.meta.url);

describe('stateFileValidator.generated.ts', () => {
  it("is ajv's standalone code of stateFileSchema.ts (UPDATE_VALIDATORS=1 regenerates it)", () => {
    const ajv = new Ajv({ ...STATE_FILE_AJV_OPTIONS, code: { source: true, esm: true } });
    const { committed, expected } = generatedValidatorCheck(
      FILE,
      ajv,
      ajv.compile(stateFileSchema),
      'stateFileSchema.ts',
      'UPDATE_VALIDATORS=1 npx vitest run src/state/stateFileValidator.test.ts (in packages/core)',
    );
    expect(committed).toBe(expected);
  });
});
