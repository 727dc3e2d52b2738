import { ConfigError } from '../errors.js';
import { configSourceOf, readConfigSource } from './configSource.js';
import type { ConfigInput } from './configSource.js';
import { interpolateEnv } from './interpolateEnv.js';
import { parseJsonText } from './parseJsonText.js';
import { resolveConfig } from './resolveConfig.js';
import { sdkRegion } from './sdkRegion.js';
import type { MonaConfig, ResolvedConfig } from './types.js';
import { validateConfig } from './validateConfig.js';
import { RunnerError, RunnerErrorCode } from '../errors.js';
import type { ConfigIssue } from '../errors.js';
import { importModule } from '../plugins/importModule.js';

/**
 * Parse, interpolate, validate and resolve a config text. Throws one `ConfigError` carrying
 * every problem (missing env variables, schema errors, missing regions), or
 * `MONA_CONFIG_UNREADABLE` for text that is not JSON (with its line and column). `source` names
 * the text in errors (a path, `MONA_CONFIG`, `stdin`); default `configPath`.
 *
 * @example
 * const config = parseConfig('{"ecsCluster":"prod","AWSRegion":"eu-west-1"}', { configPath: '/x/mona.json', env: {} });
 */
export function parseConfig(
  text: string,
  context: { configPath: string; env: Readonly<Record<string, string | undefined>>; sdkRegion?: string | undefined; source?: string },
): ResolvedConfig {
  const source = context.source ?? context.configPath;
  const checked = checkConfig(text, source, context.env);
  if (checked.issues.length > 0) throw new ConfigError(checked.issues, { source });
  return resolved(checked, { ...context, source });
}

/** Parse, interpolate and validate: every issue of the text, without resolving it. */
function checkConfig(text: string, source: string, env: Readonly<Record<string, string | undefined>>) {
  const raw = parseJsonText(text, source);
  const { value, secrets, issues } = interpolateEnv(raw, env);
  return { value, secrets, issues: [...issues, ...validateConfig(value)] };
}

function resolved(
  checked: { value: unknown; secrets: string[] },
  context: { configPath: string; env: Readonly<Record<string, string | undefined>>; sdkRegion?: string | undefined; source: string },
): ResolvedConfig {
  const result = resolveConfig(checked.value as MonaConfig, { ...context, secrets: checked.secrets });
  if (result.issues.length > 0) throw new ConfigError(result.issues, { source: context.source });
  return result.config;
}

/**
 * A `formatter` module that cannot be found or imported, as an issue reported with the schema's:
 * one run of `mona validate` shows every fix. Its exports are checked later, by `loadFormatter`.
 */
async function formatterIssues(value: unknown, configPath: string): Promise<ConfigIssue[]> {
  const spec = (value as { formatter?: unknown } | null)?.formatter;
  if (typeof spec !== 'string' || spec === '') return [];
  try {
    await importModule({ spec, configPath, owner: 'formatter' });
    return [];
  } catch (error) {
    const message = (error as Error).message.replace(`formatter "${spec}": `, '');
    return [
      {
        code: RunnerErrorCode.formatterInvalid,
        path: '/formatter',
        message: `module "${spec}" cannot be loaded: ${message}`,
        hint: 'fix the path (relative to the config file; to the working directory for MONA_CONFIG and stdin) or install the package',
      },
    ];
  }
}

/**
 * Read and parse a config (see `parseConfig`) from `spec`: a file path (paths inside it are
 * relative to its directory), `-` for stdin, or, when `spec` is undefined or empty, the JSON in
 * the `MONA_CONFIG` environment variable. Paths inside stdin or `MONA_CONFIG` are relative to
 * the working directory. No source at all is a usage error.
 *
 * @example
 * const config = await loadConfig('mona.json', process.env);
 * const fromEnv = await loadConfig(undefined, { MONA_CONFIG: '{"ecsCluster":"prod"}', AWS_REGION: 'eu-west-1' });
 */
export async function loadConfig(
  spec: string | undefined,
  env: Readonly<Record<string, string | undefined>> = process.env,
  stdin: ConfigInput = process.stdin,
): Promise<ResolvedConfig> {
  const source = configSourceOf(spec, env);
  if (source === undefined) {
    throw new RunnerError(
      RunnerErrorCode.usage,
      'no config: pass --config FILE, --config - (JSON on stdin), or set MONA_CONFIG to the JSON',
    );
  }
  const text = await readConfigSource(source, env, stdin);
  const checked = checkConfig(text, source.name, env);
  const issues = [...checked.issues, ...(await formatterIssues(checked.value, source.configPath))];
  if (issues.length > 0) throw new ConfigError(issues, { source: source.name });
  // The profile's region, as the SDK resolves it, is the last fallback (after AWSRegion and AWS_REGION).
  return resolved(checked, { configPath: source.configPath, env, source: source.name, sdkRegion: await sdkRegion(env) });
}
