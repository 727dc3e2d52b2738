import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { generatedValidatorCheck } from '../testing/standaloneValidators.js';
import { SWEEP_OUTCOME_AJV_OPTIONS } from './parseSweepOutcome.js';
import { clusterSnapshotSchema, sweepFailureSchema } from './sweepOutcomeSchema.js';

const FILE = new URL('./sweepOutcomeValidators.generated.ts', import.meta.url);

describe('sweepOutcomeValidators.generated.ts', () => {
  it("is ajv's standalone code of sweepOutcomeSchema.ts (UPDATE_VALIDATORS=1 regenerates it)", () => {
    const ajv = new Ajv({ ...SWEEP_OUTCOME_AJV_OPTIONS, code: { source: true, esm: true } });
    ajv.addSchema(clusterSnapshotSchema, 'snapshot').addSchema(sweepFailureSchema, 'failure');
    const { committed, expected } = generatedValidatorCheck(
      FILE,
      ajv,
      { snapshot: 'snapshot', failure: 'failure' },
      'sweepOutcomeSchema.ts',
      'UPDATE_VALIDATORS=1 npx vitest run src/model/sweepOutcomeValidators.test.ts (in packages/core)',
    );
    expect(committed).toBe(expected);
  });
});
