import { RunnerError, RunnerErrorCode } from '../errors.js';
import type { Flags } from './Command.js';

/**
 * The `--config FILE` value, or a usage error.
 *
 * @example
 * const path = requireConfigFlag(flags, 'validate');
 */
export function requireConfigFlag(flags: Flags, command: string): string {
  const value = flags['config'];
  if (typeof value === 'string' && value !== '') return value;
  throw new RunnerError(RunnerErrorCode.usage, `mona ${command} needs --config FILE (see mona ${command} --help)`);
}
