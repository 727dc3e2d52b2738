import { senderOptionsValidatorCheck } from '@mona-ecs/core/testing';
import { describe, expect, it } from 'vitest';
import { emailOptionsSchema } from './options.js';

describe('optionsValidator.generated.ts', () => {
  it("is ajv's standalone code of emailOptionsSchema, as the host compiles it (UPDATE_VALIDATORS=1 regenerates it)", () => {
    const { committed, expected } = senderOptionsValidatorCheck(
      new URL('./optionsValidator.generated.ts', import.meta.url),
      emailOptionsSchema,
      'options.ts (emailOptionsSchema)',
      'UPDATE_VALIDATORS=1 npx vitest run src/optionsValidator.test.ts (in packages/sender-email)',
    );
    expect(committed).toBe(expected);
  });
});
