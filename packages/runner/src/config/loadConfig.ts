import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { ConfigError, RunnerError, RunnerErrorCode } from '../errors.js';
import { interpolateEnv } from './interpolateEnv.js';
import { resolveConfig } from './resolveConfig.js';
import { sdkRegion } from './sdkRegion.js';
import type { MonaConfig, ResolvedConfig } from './types.js';
import { validateConfig } from './validateConfig.js';

/**
 * Parse, interpolate, validate and resolve a config text. Throws one `ConfigError` carrying
 * every problem (missing env variables, schema errors, missing regions).
 *
 * @example
 * const config = parseConfig('{"ecsCluster":"prod","AWSRegion":"eu-west-1"}', { configPath: '/x/mona.json', env: {} });
 */
export function parseConfig(
  text: string,
  context: { configPath: string; env: Readonly<Record<string, string | undefined>>; sdkRegion?: string | undefined },
): ResolvedConfig {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (cause) {
    throw new RunnerError(RunnerErrorCode.configUnreadable, `${context.configPath} is not valid JSON: ${(cause as Error).message}`, {
      cause,
    });
  }
  const { value, secrets, issues } = interpolateEnv(raw, context.env);
  const schemaIssues = validateConfig(value);
  if (issues.length > 0 || schemaIssues.length > 0) throw new ConfigError([...issues, ...schemaIssues]);
  const resolved = resolveConfig(value as MonaConfig, {
    configPath: context.configPath,
    env: context.env,
    secrets,
    sdkRegion: context.sdkRegion,
  });
  if (resolved.issues.length > 0) throw new ConfigError(resolved.issues);
  return resolved.config;
}

/**
 * Read and parse a config file (see `parseConfig`). Paths inside it are relative to its directory.
 *
 * @example
 * const config = await loadConfig('mona.json', process.env);
 */
export async function loadConfig(path: string, env: Readonly<Record<string, string | undefined>> = process.env): Promise<ResolvedConfig> {
  const configPath = resolve(path);
  let text: string;
  try {
    text = await readFile(configPath, 'utf8');
  } catch (cause) {
    throw new RunnerError(
      RunnerErrorCode.configUnreadable,
      `cannot read config ${configPath}: ${(cause as Error).message}; check the --config path`,
      { cause },
    );
  }
  // The profile's region, as the SDK resolves it, is the last fallback (after AWSRegion and AWS_REGION).
  return parseConfig(text, { configPath, env, sdkRegion: await sdkRegion(env) });
}
