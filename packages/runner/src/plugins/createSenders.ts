import type { Logger, Sender, SenderPlugin } from '@mona/core';
import type { ResolvedConfig, ResolvedSenderConfig } from '../config/types.js';
import { RunnerError, RunnerErrorCode } from '../errors.js';
import { createSecretScrubber } from '../logging/createSecretScrubber.js';
import { loadPlugin } from './loadPlugin.js';
import { validateSenderOptions } from '@mona/core';

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
 * (what `mona validate` checks). Stops at the first failing sender: its error names the fix.
 *
 * @example
 * const checked = await loadSenders(config);
 */
export async function loadSenders(config: ResolvedConfig): Promise<CheckedSender[]> {
  const checked: CheckedSender[] = [];
  for (const sender of config.senders) {
    const owner = `senders[${sender.index}]`;
    const plugin = await loadPlugin({ spec: sender.plugin, configPath: config.configPath, owner });
    const options = validateSenderOptions(plugin, sender.options, `/senders/${sender.index}`);
    checked.push({ config: sender, plugin, options });
  }
  return checked;
}

/**
 * Create the sender instances. If one `create` fails, the ones already created are closed so
 * nothing leaks, and the error names the plugin.
 *
 * @example
 * const live = await createSenders(await loadSenders(config), logger);
 */
export async function createSenders(checked: CheckedSender[], logger: Logger): Promise<LiveSender[]> {
  const live: LiveSender[] = [];
  for (const entry of checked) {
    try {
      live.push({ ...entry, sender: await createOne(entry, logger) });
    } catch (error) {
      await closeSenders(live, logger);
      throw error;
    }
  }
  return live;
}

async function createOne({ config, plugin, options }: CheckedSender, logger: Logger): Promise<Sender> {
  const { instanceName } = config;
  let sender: Sender;
  try {
    sender = await plugin.create(options, { logger: logger.child({ sender: instanceName }), instanceName });
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
