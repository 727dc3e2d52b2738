/**
 * Errors of mona-ecs. Every error has a stable `code`, documented with its fix in the
 * runner README's error table, and keeps its `cause`. Config and plugin errors exit with 2
 * before any polling starts; everything else is a runtime failure (exit 1).
 */
import { MonaError } from '@mona-ecs/core';
import { STATE_SETUP_CODES } from '@mona-ecs/core/state';

export const RunnerErrorCode = {
  /** The config file breaks the schema or a rule the schema cannot express. */
  configInvalid: 'MONA_CONFIG_INVALID',
  /** The config file cannot be read or is not JSON. */
  configUnreadable: 'MONA_CONFIG_UNREADABLE',
  /** A `${env:NAME}` placeholder names an unset variable. */
  envMissing: 'MONA_ENV_MISSING',
  /** No region for a cluster: no AWSRegion, AWS_REGION or AWS_DEFAULT_REGION. */
  regionMissing: 'MONA_REGION_MISSING',
  /** A sender plugin cannot be resolved from the config directory nor from the runner. */
  pluginNotFound: 'MONA_PLUGIN_NOT_FOUND',
  /** The plugin module was found but importing it threw. */
  pluginLoadFailed: 'MONA_PLUGIN_LOAD_FAILED',
  /** The plugin's default export is not a sender plugin (name, optionsSchema, create). */
  pluginInvalid: 'MONA_PLUGIN_INVALID',
  /** The plugin was written for a sender API this core does not host (core's check). */
  pluginIncompatible: 'MONA_PLUGIN_INCOMPATIBLE',
  /** A sender's options break its plugin's optionsSchema. */
  optionsInvalid: 'MONA_OPTIONS_INVALID',
  /** The plugin's create() threw or returned something without send(). */
  pluginCreateFailed: 'MONA_PLUGIN_CREATE_FAILED',
  /** The `formatter` module cannot be loaded or is not a partial formatter. */
  formatterInvalid: 'MONA_FORMATTER_INVALID',
  /** Wrong command line (unknown command or flag, missing --config). */
  usage: 'MONA_USAGE',
  /** The ops HTTP server could not listen (port in use, permission). */
  httpListenFailed: 'MONA_HTTP_LISTEN_FAILED',
  /** A line of a recording (`mona replay FILE`) is not JSON, or has an unknown version or kind. */
  recordingInvalid: 'MONA_RECORDING_INVALID',
} as const;
export type RunnerErrorCode = (typeof RunnerErrorCode)[keyof typeof RunnerErrorCode];

const ALL_CODES: ReadonlySet<string> = new Set<string>(Object.values(RunnerErrorCode));

/** True for a code of the runner's table (core's `MONA_OPTIONS_INVALID` and `MONA_PLUGIN_INVALID` included). */
export function isRunnerErrorCode(code: string): code is RunnerErrorCode {
  return ALL_CODES.has(code);
}

/** Codes that mean "fix your config or command line": exit code 2. */
const USAGE_CODES: ReadonlySet<string> = new Set<string>([
  RunnerErrorCode.configInvalid,
  RunnerErrorCode.configUnreadable,
  RunnerErrorCode.envMissing,
  RunnerErrorCode.regionMissing,
  RunnerErrorCode.pluginNotFound,
  RunnerErrorCode.pluginLoadFailed,
  RunnerErrorCode.pluginInvalid,
  RunnerErrorCode.pluginIncompatible,
  RunnerErrorCode.optionsInvalid,
  RunnerErrorCode.pluginCreateFailed,
  RunnerErrorCode.formatterInvalid,
  RunnerErrorCode.usage,
  RunnerErrorCode.recordingInvalid,
]);

/**
 * Base error of the runner.
 *
 * @example
 * throw new RunnerError('MONA_PLUGIN_INVALID', 'senders[0] "./x.js": default export has no create()');
 */
export class RunnerError extends MonaError<RunnerErrorCode> {
  constructor(code: RunnerErrorCode, message: string, options?: { cause?: unknown }) {
    super(code, message, options);
    this.name = 'RunnerError';
  }
}

/** One problem found in a config file: where, what, and how to fix it. */
export interface ConfigIssue {
  code: RunnerErrorCode;
  /** JSON path in the config file, e.g. `/senders/0/events/1` (`/` for the root). */
  path: string;
  message: string;
  hint: string;
}

/**
 * Every problem of a config file at once. `code` is the issues' common code when they share
 * one (e.g. only missing env variables), else `MONA_CONFIG_INVALID`.
 *
 * @example
 * if (err instanceof ConfigError) for (const i of err.issues) console.error(i.path, i.message, i.hint);
 */
export class ConfigError extends RunnerError {
  readonly issues: readonly ConfigIssue[];
  /** What the config is called (its path, `MONA_CONFIG`, `stdin`), when known. */
  readonly source: string | undefined;
  constructor(issues: readonly ConfigIssue[], options?: { cause?: unknown; source?: string }) {
    const codes = new Set(issues.map((i) => i.code));
    const code = codes.size === 1 ? [...codes][0]! : RunnerErrorCode.configInvalid;
    super(code, formatIssues(issues, options?.source), options);
    this.source = options?.source;
    this.name = 'ConfigError';
    this.issues = issues;
  }
}

function formatIssues(issues: readonly ConfigIssue[], source: string | undefined): string {
  const lines = issues.map((i) => `  ${i.path} ${i.message} (${i.code}; ${i.hint})`);
  const what = source === undefined ? 'config' : `config ${source}`;
  return `${what} has ${issues.length} problem${issues.length === 1 ? '' : 's'}:\n${lines.join('\n')}`;
}

/**
 * Exit code for an error: 2 for config/usage errors and state that needs an operator (a corrupt
 * or foreign state file, a file in use, a missing table), 1 for everything else.
 *
 * @example
 * process.exitCode = exitCodeOf(error);
 */
export function exitCodeOf(error: unknown): 1 | 2 {
  const code = (error as { code?: unknown } | undefined)?.code;
  return typeof code === 'string' && (USAGE_CODES.has(code) || STATE_SETUP_CODES.has(code)) ? 2 : 1;
}
