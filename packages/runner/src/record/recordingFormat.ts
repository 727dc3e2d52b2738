import type { ClusterRef } from '@mona-ecs/core';
import type { ClusterSnapshot, DeploymentSnapshot, ServiceSnapshot, SweepFailure, SweepOutcome } from '@mona-ecs/core/ecs';
import type { MonitorConfig } from '@mona-ecs/core/pipeline';
import { RunnerError, RunnerErrorCode } from '../errors.js';

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
 * A recording line that cannot be read (not JSON, unknown version or kind); `mona replay` exits 2.
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
  const { kind, cluster, region, observedAt, missing, partial } = outcome;
  const services = outcome.services.map(slimService);
  return JSON.stringify({ v: RECORDING_VERSION, kind, cluster, region, observedAt, services, missing, ...(partial ? { partial } : {}) });
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
 * Reads one line of a recording; `undefined` for a blank line. Snapshots come back as full
 * `ClusterSnapshot`s (empty `arn` and `events`), so any `reduce` accepts them.
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
  if (typeof raw !== 'object' || raw === null || line.v !== RECORDING_VERSION) {
    throw new RecordingError(
      `line ${lineNumber} has format version ${JSON.stringify(line?.v)}; this Mona reads version ${RECORDING_VERSION}`,
    );
  }
  if (line.kind === 'start') return raw as RecordedStart;
  if (line.kind === 'failure') return withoutVersion(raw) as SweepFailure;
  if (line.kind === 'snapshot') return fullSnapshot(withoutVersion(raw) as ClusterSnapshot);
  throw new RecordingError(`line ${lineNumber} has unknown kind ${JSON.stringify(line.kind)}`);
}

function slimService(service: ServiceSnapshot): Omit<ServiceSnapshot, 'arn' | 'events'> {
  const { name, status, desiredCount, runningCount, pendingCount, deployments } = service;
  return { name, status, desiredCount, runningCount, pendingCount, deployments: deployments.map(slimDeployment) };
}

function slimDeployment(d: DeploymentSnapshot): DeploymentSnapshot {
  const { id, status, taskDefinition, desiredCount, runningCount, pendingCount, failedTasks, createdAt, updatedAt } = d;
  const slim: DeploymentSnapshot = {
    id,
    status,
    taskDefinition,
    desiredCount,
    runningCount,
    pendingCount,
    failedTasks,
    createdAt,
    updatedAt,
  };
  if (d.rolloutState !== undefined) slim.rolloutState = d.rolloutState;
  if (d.rolloutStateReason !== undefined) slim.rolloutStateReason = d.rolloutStateReason;
  return slim;
}

function withoutVersion(raw: object): object {
  const { v: _version, ...rest } = raw as Record<string, unknown>;
  return rest;
}

function fullSnapshot(snapshot: ClusterSnapshot): ClusterSnapshot {
  const services = Array.isArray(snapshot.services) ? snapshot.services.map((s) => ({ ...s, arn: s.arn ?? '', events: [] })) : [];
  return { ...snapshot, services, missing: Array.isArray(snapshot.missing) ? snapshot.missing : [] };
}
