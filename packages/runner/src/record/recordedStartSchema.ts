import { createRequire } from 'node:module';
import type * as AjvModule from 'ajv';
import type { JSONSchemaType, ValidateFunction } from 'ajv';
import type { RecordedStart } from './recordingFormat.js';

/**
 * The JSON Schema of a recording's start line, typed against `RecordedStart`. Sweep lines are
 * checked against core's snapshot schema (`parseSweepOutcome`).
 */
export const recordedStartSchema: JSONSchemaType<RecordedStart> = {
  type: 'object',
  required: ['v', 'kind', 'recordedAt', 'monitor', 'clusters'],
  properties: {
    v: { type: 'number', const: 1 },
    kind: { type: 'string', const: 'start' },
    recordedAt: { type: 'string' },
    monitor: {
      type: 'object',
      required: ['secondsUntilAlert', 'timeoutFrom', 'degradedAfterFailures'],
      properties: {
        secondsUntilAlert: { type: 'number' },
        timeoutFrom: { type: 'string', enum: ['updatedAt', 'createdAt'] },
        degradedAfterFailures: { type: 'number' },
        recoveredAfterSweeps: { type: 'number', nullable: true },
        consoleAccess: {
          type: 'object',
          nullable: true,
          required: ['accessPortalUrl', 'roleName'],
          properties: { accessPortalUrl: { type: 'string' }, roleName: { type: 'string' } },
        },
      },
    },
    clusters: {
      type: 'array',
      items: {
        type: 'object',
        required: ['cluster', 'region'],
        properties: {
          cluster: { type: 'string' },
          region: { type: 'string' },
          account: { type: 'string', nullable: true },
          accountId: { type: 'string', nullable: true },
          roleArn: { type: 'string', nullable: true },
          externalId: { type: 'string', nullable: true },
        },
      },
    },
  },
};

/** Compiled on first use: only `mona replay` reads start lines. */
/** ajv, required on first use: a process that never needs this schema never loads it (issue 13). */
const newAjv = () => new (createRequire(import.meta.url)('ajv') as typeof AjvModule).Ajv({ allErrors: true, strict: true });
let validate: ValidateFunction<RecordedStart> | undefined;

/**
 * What is wrong with a start line, one line per problem (`monitor.timeoutFrom must be equal
 * to one of the allowed values`); `[]` when it is valid.
 *
 * @example
 * startLineProblems({ v: 1, kind: 'start' }); // ['recordedAt is missing', 'monitor is missing', 'clusters is missing']
 */
export function startLineProblems(value: unknown): string[] {
  validate ??= newAjv().compile(recordedStartSchema);
  if (validate(value)) return [];
  return (validate.errors ?? []).map((error) => {
    const path = error.instancePath.split('/').slice(1).join('.');
    if (error.keyword === 'required') {
      const missing = String((error.params as { missingProperty?: unknown }).missingProperty);
      return `${path === '' ? '' : `${path}.`}${missing} is missing`;
    }
    return `${path === '' ? 'the line' : path} ${error.message ?? 'is invalid'}`;
  });
}
