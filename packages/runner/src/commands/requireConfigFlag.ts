import { CONFIG_ENV } from '../config/configSource.js';
import { RunnerError, RunnerErrorCode } from '../errors.js';
import type { Flags } from './Command.js';

/**
 * The `--config` value (a FILE, or `-` for stdin), or undefined when there is none but
 * `MONA_CONFIG` holds the config (see `loadConfig`); a usage error when there is neither.
 *
 * @example
 * const config = await loadConfig(requireConfigFlag(flags, 'validate', io.env), io.env, io.stdin);
 */
export function requireConfigFlag(
  flags: Flags,
  command: string,
  env: Readonly<Record<string, string | undefined>> = {},
): string | undefined {
  const value = flags['config'];
  if (typeof value === 'string' && value !== '') return value;
  if ((env[CONFIG_ENV] ?? '').trim() !== '') return undefined;
  throw new RunnerError(
    RunnerErrorCode.usage,
    `mona ${command} needs --config FILE, --config - (JSON on stdin) or ${CONFIG_ENV} holding the JSON (see mona ${command} --help)`,
  );
}
