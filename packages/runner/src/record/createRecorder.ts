import { createWriteStream } from 'node:fs';
import type { ClusterRef, Logger } from '@mona-ecs/core';
import type { SweepOutcome } from '@mona-ecs/core/ecs';
import type { MonitorConfig } from '@mona-ecs/core/pipeline';
import { recordLine, startLine } from './recordingFormat.js';

/** Appends a run's sweeps to a recording file. */
export interface Recorder {
  /** Appends one sweep (never throws: a write error is logged once and recording stops). */
  write(outcome: SweepOutcome): void;
  /** Flushes and closes the file. Idempotent. */
  close(): Promise<void>;
}

/**
 * Opens `path` for appending and writes the run's start line (reducer settings and clusters),
 * then one JSON line per sweep. Writes are buffered by the file stream, in order, so the
 * poller never waits for the disk; a failing disk costs the recording, never the monitor.
 *
 * @example
 * const recorder = createRecorder('run.jsonl', { monitor, clusters: config.clusters }, logger);
 * startMonitor(config, { logger, onSweep: (outcome) => recorder.write(outcome) });
 */
export function createRecorder(
  path: string,
  run: { monitor: MonitorConfig; clusters: readonly ClusterRef[] },
  logger: Logger,
  now: () => Date = () => new Date(),
): Recorder {
  const file = createWriteStream(path, { flags: 'a', encoding: 'utf8' });
  let failed = false;
  file.on('error', (error) => {
    if (!failed) logger.error({ err: error, path }, 'recording failed; the monitor goes on without it');
    failed = true;
  });
  file.write(`${startLine(run.monitor, run.clusters, now())}\n`);
  let closing: Promise<void> | undefined;
  return {
    write(outcome) {
      if (!failed && !closing) file.write(`${recordLine(outcome)}\n`);
    },
    close() {
      closing ??= new Promise<void>((resolve) => {
        if (failed || file.destroyed) resolve();
        else file.end(() => resolve());
        file.once('error', () => resolve());
      });
      return closing;
    },
  };
}
