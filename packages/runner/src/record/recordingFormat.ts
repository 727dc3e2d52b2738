import type { ClusterRef } from '@mona-ecs/core';
import { parseSweepOutcome } from '@mona-ecs/core/ecs';
import type { ServiceSnapshot, SweepOutcome } from '@mona-ecs/core/ecs';
import type { MonitorConfig } from '@mona-ecs/core/pipeline';
import { RunnerError, RunnerErrorCode } from '../errors.js';
import { startLineProblems } from './recordedStartSchema.js';

/** Version of the recording format this Mona writes and reads (the `v` of every line). */
export const RECORDING_VERSION = 1;

/** First line of every recorded run: the reducer settings and clusters, so a replay needs no config. */
export interface RecordedStart {
  v: typeof RECORDING_VERSION;
  kind: 'start';
  /** ISO-8601 wall-clock time the run started. */
  recordedAt: string;
  monitor: MonitorConfig;
  clusters: ClusterRef[];
}

/** One line of a recording: a run's start, or one cluster's sweep (snapshot or failure). */
export type RecordedLine = RecordedStart | ({ v: typeof RECORDING_VERSION } & SweepOutcome);

/**
 * A recording line that cannot be read (not JSON, unknown version or kind, a field missing or of
 * the wrong type); `mona replay` exits 2.
 *
 * @example
 * throw new RecordingError('line 3 is not JSON: Unexpected token');
 */
export class RecordingError extends RunnerError {
  constructor(message: string, options?: { cause?: unknown }) {
    super(RunnerErrorCode.recordingInvalid, message, options);
    this.name = 'RecordingError';
  }
}

/**
 * The JSON line of a sweep, with only what the reducer reads: per service its name, status and
 * counts, and its deployments; no ARNs, no service events (those feed the enrichment, which a
 * replay does not run), which keeps a line of 100 services near 40 KB.
 *
 * @example
 * stream.write(`${recordLine(outcome)}\n`);
 */
export function recordLine(outcome: SweepOutcome): string {
  if (outcome.kind === 'failure') {
    const { kind, cluster, region, observedAt, error } = outcome;
    return JSON.stringify({ v: RECORDING_VERSION, kind, cluster, region, observedAt, error });
  }
  const { kind, cluster, region, observedAt, missing, partial, incomplete } = outcome;
  const services = outcome.services.map(slimService);
  // `incomplete` is kept: without it a replay would read those services as gone.
  const extra = { ...(partial ? { partial } : {}), ...(incomplete?.length ? { incomplete } : {}) };
  return JSON.stringify({ v: RECORDING_VERSION, kind, cluster, region, observedAt, services, missing, ...extra });
}

/**
 * The start line of a recorded run.
 *
 * @example
 * stream.write(`${startLine(monitorConfig, config.clusters, new Date())}\n`);
 */
export function startLine(monitor: MonitorConfig, clusters: readonly ClusterRef[], at: Date): string {
  const start: RecordedStart = { v: RECORDING_VERSION, kind: 'start', recordedAt: at.toISOString(), monitor, clusters: [...clusters] };
  return JSON.stringify(start);
}

/**
 * Reads one line of a recording; `undefined` for a blank line. Every line is checked where it
 * enters: a start line against its schema, a sweep against core's snapshot schema; a bad line
 * throws a `RecordingError` naming the line and every wrong field. Snapshots come back as full
 * `ClusterSnapshot`s (the recorder leaves out `arn` and `events`: they come back empty).
 *
 * @example
 * const line = parseRecordLine('{"v":1,"kind":"failure",…}', 12);
 */
export function parseRecordLine(text: string, lineNumber: number): RecordedStart | SweepOutcome | undefined {
  if (text.trim() === '') return undefined;
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (cause) {
    throw new RecordingError(`line ${lineNumber} is not JSON: ${(cause as Error).message}`, { cause });
  }
  const line = raw as { v?: unknown; kind?: unknown };
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw) || line.v !== RECORDING_VERSION) {
    throw new RecordingError(
      `line ${lineNumber} has format version ${JSON.stringify(line?.v)}; this Mona reads version ${RECORDING_VERSION}`,
    );
  }
  if (line.kind === 'start') return checkedStart(raw, lineNumber);
  if (line.kind === 'failure' || line.kind === 'snapshot') {
    try {
      return parseSweepOutcome(restoreSlimmed(withoutVersion(raw)), { where: `line ${lineNumber}`, fix: FIX });
    } catch (cause) {
      throw new RecordingError(cause instanceof Error ? cause.message : String(cause), { cause });
    }
  }
  throw new RecordingError(`line ${lineNumber} has unknown kind ${JSON.stringify(line.kind)}`);
}

const FIX = 'The recording is damaged or was not written by `mona record`: repair or delete that line';

function checkedStart(raw: object, lineNumber: number): RecordedStart {
  const problems = startLineProblems(raw);
  if (problems.length > 0) throw new RecordingError(`line ${lineNumber} is not a valid start line: ${problems.join('; ')}. ${FIX}`);
  return raw as RecordedStart;
}

function slimService(service: ServiceSnapshot): Omit<ServiceSnapshot, 'arn' | 'events'> {
  // Deployments are already narrowed to what the reducer reads (toServiceSnapshot): kept as they are.
  const { name, status, desiredCount, runningCount, pendingCount, deployments } = service;
  return { name, status, desiredCount, runningCount, pendingCount, deployments };
}

function withoutVersion(raw: object): Record<string, unknown> {
  const { v: _version, ...rest } = raw as Record<string, unknown>;
  return rest;
}

/** Puts back what `recordLine` leaves out of each service (`arn`, `events`), so the line is a full snapshot. */
function restoreSlimmed(line: Record<string, unknown>): Record<string, unknown> {
  const services = line['services'];
  if (line['kind'] !== 'snapshot' || !Array.isArray(services)) return line;
  const full = services.map((s: unknown) => (typeof s === 'object' && s !== null && !Array.isArray(s) ? { arn: '', events: [], ...s } : s));
  return { ...line, services: full };
}
