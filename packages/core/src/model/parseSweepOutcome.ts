import type { ErrorObject, Options, ValidateFunction } from 'ajv';
import { MonaError } from '../errors.js';
import type { SweepOutcome } from './snapshot.js';
import * as generated from './sweepOutcomeValidators.generated.js';

/**
 * The options `sweepOutcomeSchema.ts`'s schemas are compiled with, ahead of time into
 * `sweepOutcomeValidators.generated.ts` (ajv's standalone code): compiling them at start cost
 * about 160 ms of CPU (issue 13).
 */
export const SWEEP_OUTCOME_AJV_OPTIONS: Options = { allErrors: true, strict: true, strictNumbers: true };

const validators = generated as unknown as { snapshot: ValidateFunction; failure: ValidateFunction };
const compiled = (): { snapshot: ValidateFunction; failure: ValidateFunction } => validators;

/** Problems listed in one error message; the rest are counted. */
const LISTED_PROBLEMS = 5;

/**
 * A value that is not a `SweepOutcome`: what a third-party `SnapshotSource` answered, or a line
 * of a recording. `problems` lists every field that is wrong, by path (`services[2].runningCount
 * is missing`).
 *
 * @example
 * try { parseSweepOutcome(value); } catch (e) { if (e instanceof SnapshotError) console.error(e.problems); }
 */
export class SnapshotError extends MonaError {
  readonly problems: string[];
  constructor(message: string, problems: string[]) {
    super('MONA_SNAPSHOT_INVALID', message);
    this.name = 'SnapshotError';
    this.problems = problems;
  }
}

/**
 * What is wrong with `value` as a `SweepOutcome` (DESIGN §3), one line per problem; `[]` when
 * it is one. Validates, never converts: defaults are the source's business (`toServiceSnapshot`).
 *
 * @example
 * sweepOutcomeProblems({ kind: 'snapshot', cluster: 'prod' });
 * // ["region is missing", "observedAt is missing", "services is missing", "missing is missing"]
 */
export function sweepOutcomeProblems(value: unknown): string[] {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return [`the sweep is not an object (got ${describe(value)})`];
  const kind = (value as { kind?: unknown }).kind;
  const validate = kind === 'failure' ? compiled().failure : kind === 'snapshot' ? compiled().snapshot : undefined;
  if (!validate) return [`kind must be "snapshot" or "failure" (got ${describe(kind)})`];
  if (validate(value)) return [];
  return (validate.errors ?? []).map((error) => problemOf(error, value));
}

/**
 * True when `value` is a well-formed `SweepOutcome`.
 *
 * @example
 * if (!isSweepOutcome(value)) return;
 */
export function isSweepOutcome(value: unknown): value is SweepOutcome {
  return sweepOutcomeProblems(value).length === 0;
}

/**
 * Checks untrusted data (a third-party `SnapshotSource`'s answer, a recorded line) where it
 * enters: returns it typed, or throws a `SnapshotError` (code `MONA_SNAPSHOT_INVALID`) naming
 * every wrong field. The stream applies it to every injected source's answers.
 *
 * @example
 * const source: SnapshotSource = { sweep: async (cluster) => parseSweepOutcome(await fetchMine(cluster)) };
 */
export function parseSweepOutcome(value: unknown, options: { where?: string; fix?: string } = {}): SweepOutcome {
  const problems = sweepOutcomeProblems(value);
  if (problems.length === 0) return value as SweepOutcome;
  const listed = problems.slice(0, LISTED_PROBLEMS).join('; ');
  const more = problems.length > LISTED_PROBLEMS ? ` (and ${problems.length - LISTED_PROBLEMS} more)` : '';
  const fix = options.fix === undefined ? '' : `. ${options.fix}`;
  return fail(`${options.where ?? 'the sweep'} is not a valid snapshot: ${listed}${more}${fix}`, problems);
}

function fail(message: string, problems: string[]): never {
  throw new SnapshotError(message, problems);
}

/** `services[0].desiredCount must be number`, with the service's name when it has one. */
function problemOf(error: ErrorObject, root: unknown): string {
  const segments = error.instancePath.split('/').slice(1);
  let path = '';
  let node: unknown = root;
  for (const segment of segments) {
    node = typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[segment] : undefined;
    path += /^\d+$/.test(segment) ? `[${segment}]` : `${path === '' ? '' : '.'}${segment}`;
    const name = /^\d+$/.test(segment) ? (node as { name?: unknown } | undefined)?.name : undefined;
    if (typeof name === 'string' && name !== '') path += ` (${name})`;
  }
  if (error.keyword === 'required') {
    const missing = String((error.params as { missingProperty?: unknown }).missingProperty);
    return `${path === '' ? '' : `${path}.`}${missing} is missing`;
  }
  const got = describe(node);
  return `${path === '' ? 'the sweep' : path} ${error.message ?? 'is invalid'} (got ${got})`;
}

function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  const text = JSON.stringify(value);
  return text === undefined ? typeof value : text.length > 40 ? `${text.slice(0, 40)}…` : text;
}
