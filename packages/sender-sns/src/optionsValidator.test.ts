import { senderOptionsValidatorCheck } from '@mona-ecs/core/testing';
import { describe, expect, it } from 'vitest';
import { snsOptionsSchema } from './options.js';

describe('optionsValidator.generated.ts', () => {
  it("is ajv's standalone code of snsOptionsSchema, as the host compiles it (UPDATE_VALIDATORS=1 regenerates it)", () => {
    const { committed, expected } = senderOptionsValidatorCheck(
      new URL('./optionsValidator.generated.ts', import.meta.url),
      snsOptionsSchema,
      'options.ts (snsOptionsSchema)',
      'UPDATE_VALIDATORS=1 npx vitest run src/optionsValidator.test.ts (in packages/sender-sns)',
    );
    expect(committed).toBe(expected);
  });
});
