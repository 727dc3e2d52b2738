import { MonaError, SENDER_API_VERSION, httpSettingsFromEnv } from '@mona-ecs/core';
import { DEFAULT_DELIVERY_OPTIONS } from '@mona-ecs/core/sender';
import type { Logger, Sender, SenderPlugin } from '@mona-ecs/core';
import type { StateStore } from '@mona-ecs/core/state';
import type { ResolvedConfig, ResolvedSenderConfig } from '../config/types.js';
import { ConfigError, RunnerError, RunnerErrorCode, isRunnerErrorCode } from '../errors.js';
import type { ConfigIssue } from '../errors.js';
import { createSecretScrubber } from '../logging/createSecretScrubber.js';
import type { ErrorObject } from 'ajv';
import { ajvIssue } from '../config/ajvIssue.js';
import { loadPlugin } from './loadPlugin.js';
import { validateSenderOptions } from '@mona-ecs/core/sender';

/** A sender entry whose plugin is loaded and whose options passed its schema. */
export interface CheckedSender {
  config: ResolvedSenderConfig;
  plugin: SenderPlugin<unknown>;
  /** The options after the plugin's schema (defaults applied, on a copy). */
  options: unknown;
}

/** A sender ready to receive notifications. */
export interface LiveSender extends CheckedSender {
  sender: Sender;
}

/**
 * Load every sender plugin of a config and validate its options, without creating anything
 * (what `mona validate` checks). Every sender is checked: one failing sender throws its own
 * coded error; several throw one `ConfigError` listing each, so one run shows every fix.
 *
 * @example
 * const checked = await loadSenders(config);
 */
export async function loadSenders(config: ResolvedConfig): Promise<CheckedSender[]> {
  const checked: CheckedSender[] = [];
  const failures: SenderFailure[] = [];
  for (const sender of config.senders) {
    let plugin: SenderPlugin<unknown> | undefined;
    try {
      const owner = `senders[${sender.index}]`;
      plugin = await loadPlugin({ spec: sender.plugin, configPath: config.configPath, owner });
      const options = validateSenderOptions(plugin, sender.options, `/senders/${sender.index}`);
      checked.push({ config: sender, plugin, options });
    } catch (error) {
      failures.push({ index: sender.index, error, ...(plugin ? { plugin } : {}) });
    }
  }
  // Option errors always become issues: one line each, under its own path.
  if (failures.length === 1 && optionErrorsOf(failures[0]!.error) === undefined) throw failures[0]!.error;
  if (failures.length > 0) throw new ConfigError(failures.flatMap(senderIssues), { source: config.source });
  return checked;
}

interface SenderFailure {
  index: number;
  error: unknown;
  plugin?: SenderPlugin<unknown>;
}

/** ajv's errors behind a `MONA_OPTIONS_INVALID` (core keeps them as the cause). */
function optionErrorsOf(error: unknown): ErrorObject[] | undefined {
  if (!(error instanceof MonaError) || error.code !== RunnerErrorCode.optionsInvalid || !Array.isArray(error.cause)) return undefined;
  return error.cause as ErrorObject[];
}

function senderIssues({ index, error, plugin }: SenderFailure): ConfigIssue[] {
  const optionErrors = optionErrorsOf(error);
  if (optionErrors !== undefined) {
    const properties = (plugin?.optionsSchema as { properties?: Record<string, unknown> } | undefined)?.properties ?? {};
    const basePath = `/senders/${index}/options`;
    return optionErrors.map((e) => ({
      ...ajvIssue(e, { basePath, ...(e.instancePath === '' ? { allowedKeys: Object.keys(properties) } : {}) }),
      code: RunnerErrorCode.optionsInvalid,
    }));
  }
  const code = error instanceof MonaError && isRunnerErrorCode(error.code) ? error.code : RunnerErrorCode.pluginLoadFailed;
  const message = error instanceof Error ? error.message : String(error);
  return [{ code, path: `/senders/${index}`, message, hint: 'see the message; `mona validate` checks the fix' }];
}

/**
 * Create the sender instances. If one `create` fails, the ones already created are closed so
 * nothing leaks, and the error names the plugin.
 *
 * @example
 * const live = await createSenders(await loadSenders(config), logger);
 */
export async function createSenders(
  checked: CheckedSender[],
  logger: Logger,
  attemptTimeoutMs: number = DEFAULT_DELIVERY_OPTIONS.attemptTimeoutMs,
  store?: StateStore,
): Promise<LiveSender[]> {
  const live: LiveSender[] = [];
  for (const entry of checked) {
    try {
      live.push({ ...entry, sender: await createOne(entry, logger, attemptTimeoutMs, store) });
    } catch (error) {
      await closeSenders(live, logger);
      throw error;
    }
  }
  return live;
}

async function createOne(
  { config, plugin, options }: CheckedSender,
  logger: Logger,
  attemptTimeoutMs: number,
  store: StateStore | undefined,
): Promise<Sender> {
  const { instanceName } = config;
  let sender: Sender;
  try {
    // Proxy and TLS settings come from the standard environment variables, shared by every sender.
    const http = httpSettingsFromEnv(process.env, attemptTimeoutMs);
    const values = store === undefined ? {} : { values: store.values(instanceName) };
    sender = await plugin.create(options, {
      logger: logger.child({ sender: instanceName }),
      instanceName,
      apiVersion: SENDER_API_VERSION,
      http,
      ...values,
    });
  } catch (cause) {
    // Plugins and SDKs quote their options (a URL, a connection string) in errors, and this
    // message is printed as is on stderr: blank out every option value it repeats.
    const scrub = createSecretScrubber(stringsIn(config.options));
    throw new RunnerError(
      RunnerErrorCode.pluginCreateFailed,
      `${instanceName}: plugin "${plugin.name}" failed to create a sender: ${scrub((cause as Error)?.message ?? String(cause))}; check its options`,
      { cause },
    );
  }
  if (sender === null || typeof sender !== 'object' || typeof sender.send !== 'function') {
    throw new RunnerError(
      RunnerErrorCode.pluginCreateFailed,
      `${instanceName}: plugin "${plugin.name}" create() returned no object with send(); report this to the plugin's authors`,
    );
  }
  return sender;
}

/**
 * Close senders, logging (never throwing) failures so one bad close does not keep others open.
 *
 * @example
 * await closeSenders(live, logger);
 */
export async function closeSenders(live: LiveSender[], logger: Logger): Promise<void> {
  await Promise.all(
    live.map(async ({ config, sender }) => {
      try {
        await sender.close?.();
      } catch (error) {
        logger.error({ sender: config.instanceName, err: error }, 'sender close failed');
      }
    }),
  );
}

/** Every string in an options value (nested objects and arrays included), bounded by its size. */
function stringsIn(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(stringsIn);
  if (value !== null && typeof value === 'object') return Object.values(value).flatMap(stringsIn);
  return [];
}
