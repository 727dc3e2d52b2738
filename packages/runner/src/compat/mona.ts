import { join } from 'node:path';
import { createFormatter, defineSender } from '@mona-ecs/core';
import type { Formatter } from '@mona-ecs/core';
import type { FormatterKey } from '@mona-ecs/core/format';
import { FormatterConfigError } from '@mona-ecs/core/format';
import { fromMessageSender } from '@mona-ecs/core/sender';
import type { MessageSender } from '@mona-ecs/core/sender';
import { resolveConfig } from '../config/resolveConfig.js';
import { sdkRegion } from '../config/sdkRegion.js';
import type { MonaConfig, ResolvedConfig } from '../config/types.js';
import { validateConfig } from '../config/validateConfig.js';
import { ConfigError, RunnerError, RunnerErrorCode } from '../errors.js';
import type { ConfigIssue } from '../errors.js';
import { createLogger } from '../logging/createLogger.js';
import { startMonitor } from '../monitor/startMonitor.js';
import type { LiveSender } from '../plugins/createSenders.js';
import { configOfParams } from './configOfParams.js';
import type { MonaParams } from './configOfParams.js';
import { toCoreLogger } from './legacyLogger.js';

export type { MonaParams } from './configOfParams.js';
export type { LegacyLogger } from './legacyLogger.js';

/** A running `mona()`: stop it to end polling, deliver what is queued (10 s at most) and close the sender. */
export interface MonaHandle {
  /** Idempotent; resolves once the queue is drained and the sender closed. */
  stop(): Promise<void>;
  /** Rejects if the monitoring stream dies (it is built never to). */
  failed: Promise<never>;
}

/** Where the issues of `mona()`'s arguments point, as a config file's path would. */
const PARAMS_NAME = 'mona() params';
const SENDER_NAME = 'messageSender';

/**
 * The original mona's entry point, as a drop-in: same arguments, Mona's monitor behind them.
 * `params` takes the original's names (`ecsCluster`, `AWSRegion`, `serviceNamesOverride`,
 * `secondsUntilAlert`, `checkIntervalSeconds`, `logInterval`, `refreshServicesInterval`,
 * `logger`) and any other key of Mona's config file; `messageSender` is anything with
 * `send(message)` (it receives each notification's text; a returned promise is awaited, a
 * rejection retried); `messageFormatter` overrides any subset of the formatter keys, the
 * original's six (`monitorDeploy`, `deploy`, `scale`, `recover`, `deployDone`, `deployTimeout`)
 * and Mona's new ones, each called with the original's `serviceState` fields.
 * Rejects with a `ConfigError` listing every bad parameter before any ECS call.
 *
 * @example
 * import { mona } from 'mona-ecs'; // was: const mona = require('mona');
 * const monitor = await mona({ ecsCluster: 'prod', AWSRegion: 'eu-west-1' }, { send: (text) => slack.post(text) });
 * process.once('SIGTERM', () => void monitor.stop());
 */
export async function mona(
  params: MonaParams,
  messageSender: MessageSender,
  messageFormatter: Partial<Formatter> = {},
): Promise<MonaHandle> {
  const { config: raw, logger: legacyLogger, events } = configOfParams(params);
  const configPath = join(process.cwd(), PARAMS_NAME);
  const issues = [...argumentIssues(raw, messageSender), ...validateConfig(raw), ...eventsIssues(events)];
  if (issues.length > 0) throw new ConfigError(issues);
  // The AWS profile's region, as the SDK resolves it, is the last fallback, as in a config file.
  const resolved = resolveConfig(raw as MonaConfig, { configPath, env: process.env, secrets: [], sdkRegion: await sdkRegion(process.env) });
  if (resolved.issues.length > 0) throw new ConfigError(resolved.issues);
  const config = resolved.config;
  const formatter = formatterOf(messageFormatter, config.templates);
  const logger = legacyLogger === undefined ? createLogger({ level: config.logLevel }) : toCoreLogger(legacyLogger);
  const monitor = await startMonitor(config, { logger, formatter, senders: [liveSender(messageSender, events, config.delivery)] });
  return { stop: () => monitor.stop(), failed: monitor.failed };
}

function argumentIssues(raw: Record<string, unknown>, messageSender: unknown): ConfigIssue[] {
  const issues: ConfigIssue[] = [];
  if (typeof (messageSender as { send?: unknown } | null)?.send !== 'function') {
    issues.push({
      code: RunnerErrorCode.configInvalid,
      path: SENDER_NAME,
      message: 'has no send(message) function',
      hint: 'pass an object like { send: (text) => postToSlack(text) } as the second argument',
    });
  }
  for (const key of ['senders', 'formatter'] as const) {
    if (key in raw) {
      issues.push({
        code: RunnerErrorCode.configInvalid,
        path: `/${key}`,
        message: `is not a mona() parameter`,
        hint: key === 'senders' ? 'pass the sender as the second argument' : 'pass the formatter object as the third argument',
      });
    }
  }
  return issues;
}

/** `events` is checked as a sender's routing list is, and reported under `/events`. */
function eventsIssues(events: FormatterKey[] | undefined): ConfigIssue[] {
  if (events === undefined) return [];
  const asSender = { ecsCluster: 'x', senders: [{ plugin: SENDER_NAME, events }] };
  return validateConfig(asSender)
    .filter((issue) => issue.path.startsWith('/senders/0/events'))
    .map((issue) => ({ ...issue, path: issue.path.replace('/senders/0', '') }));
}

/** The original merged the formatter with lodash, which skips `undefined` values: so do we. */
function formatterOf(messageFormatter: Partial<Formatter> | undefined, templates: Parameters<typeof createFormatter>[1]): Formatter {
  const overrides = Object.fromEntries(Object.entries(messageFormatter ?? {}).filter(([, fn]) => fn !== undefined));
  try {
    return createFormatter(overrides, templates);
  } catch (cause) {
    if (!(cause instanceof FormatterConfigError)) throw cause;
    throw new RunnerError(RunnerErrorCode.formatterInvalid, `messageFormatter: ${cause.problems.join('; ')}`, { cause });
  }
}

function liveSender(messageSender: MessageSender, events: FormatterKey[] | undefined, delivery: ResolvedConfig['delivery']): LiveSender {
  const sender = fromMessageSender(messageSender);
  const plugin = defineSender<Record<string, never>>({
    name: SENDER_NAME,
    optionsSchema: { type: 'object', additionalProperties: false, required: [], properties: {} },
    create: () => sender,
  });
  return {
    config: { plugin: SENDER_NAME, options: {}, index: 0, instanceName: SENDER_NAME, delivery, ...(events ? { events } : {}) },
    plugin: plugin as LiveSender['plugin'],
    options: {},
    sender,
  };
}
