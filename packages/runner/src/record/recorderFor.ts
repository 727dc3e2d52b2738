import type { Logger } from '@mona-ecs/core';
import type { MonitorConfig } from '@mona-ecs/core/pipeline';
import type { Flags } from '../commands/Command.js';
import type { ResolvedConfig } from '../config/types.js';
import { createRecorder } from './createRecorder.js';
import type { Recorder } from './createRecorder.js';

/**
 * The recorder `mona run --record FILE` asks for, or `undefined` without the flag.
 *
 * @example
 * const recorder = recorderFor(flags, config, logger);
 * await startMonitor(config, { logger, ...(recorder ? { onSweep: (o) => recorder.write(o) } : {}) });
 */
export function recorderFor(flags: Flags, config: ResolvedConfig, logger: Logger): Recorder | undefined {
  const path = flags['record'];
  if (typeof path !== 'string' || path === '') return undefined;
  logger.info({ path }, 'recording every sweep');
  return createRecorder(path, { monitor: monitorConfigOf(config), clusters: config.clusters }, logger);
}

/**
 * The reducer settings of a runner config (what a recording keeps so its replay matches).
 *
 * @example
 * reduce(state, outcome, monitorConfigOf(config));
 */
export function monitorConfigOf(config: ResolvedConfig): MonitorConfig {
  return {
    secondsUntilAlert: config.secondsUntilAlert,
    timeoutFrom: config.timeoutFrom,
    degradedAfterFailures: config.degradedAfterFailures,
    recoveredAfterSweeps: config.recoveredAfterSweeps,
  };
}
