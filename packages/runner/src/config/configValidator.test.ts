import { generatedValidatorCheck } from '@mona-ecs/core/testing';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { configSchema } from './configSchema.js';
import { CONFIG_AJV_OPTIONS } from './validateConfig.js';

const FILE = new URL('./configValidator.generated.ts', import.meta.url);

describe('configValidator.generated.ts', () => {
  it("is ajv's standalone code of configSchema (UPDATE_VALIDATORS=1 regenerates it)", () => {
    const ajv = new Ajv({ ...CONFIG_AJV_OPTIONS, code: { source: true, esm: true } });
    const { committed, expected } = generatedValidatorCheck(
      FILE,
      ajv,
      ajv.compile(configSchema),
      'configSchema.ts',
      'UPDATE_VALIDATORS=1 npx vitest run src/config/configValidator.test.ts (in packages/runner)',
    );
    expect(committed).toBe(expected);
  });
});
