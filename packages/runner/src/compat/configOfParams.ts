import type { MonaConfig } from '../config/types.js';
import type { LegacyLogger } from './legacyLogger.js';
import type { Logger } from '@mona-ecs/core';
import type { FormatterKey } from '@mona-ecs/core/format';

/**
 * The first argument of the original mona: its parameter names (`ecsCluster`, `AWSRegion`,
 * `serviceNamesOverride`, `secondsUntilAlert`, `checkIntervalSeconds`, `logInterval`,
 * `refreshServicesInterval`, `logger`), plus any key of Mona's config file except `senders`
 * and `formatter`, which the second and third arguments replace, and `events`, which here
 * keeps the original's meaning (the formatter keys to send; the ECS events input needs a config file).
 */
export interface MonaParams extends Omit<MonaConfig, 'senders' | 'formatter' | '$schema' | 'events'> {
  /** The original's logger (`info(message, meta)`), or a pino logger. Default: pino JSON on stdout. */
  logger?: LegacyLogger | Logger;
  /** An early version of the original called the region `ecsRegion`; same as `AWSRegion`. */
  ecsRegion?: string;
  /**
   * Formatter keys the sender receives; all when absent. The original's six only:
   * `['monitorDeploy', 'deploy', 'scale', 'recover', 'deployDone', 'deployTimeout']`.
   */
  events?: FormatterKey[];
}

/**
 * Split the original's parameters into Mona's config (validated like a config file) and the logger.
 *
 * @example
 * const { config, logger } = configOfParams({ ecsCluster: 'prod', AWSRegion: 'eu-west-1', logger: console });
 */
export function configOfParams(params: MonaParams): {
  config: Record<string, unknown>;
  logger?: LegacyLogger | Logger;
  events?: FormatterKey[];
} {
  const { logger, ecsRegion, events, ...rest } = params ?? {};
  const config: Record<string, unknown> = { ...rest };
  if (ecsRegion !== undefined && config['AWSRegion'] === undefined) config['AWSRegion'] = ecsRegion;
  // `undefined` means "the default" in the original (lodash merge skipped it); the schema takes null.
  for (const [key, value] of Object.entries(config)) if (value === undefined) delete config[key];
  return { config, ...(logger === undefined ? {} : { logger }), ...(events == null ? {} : { events }) };
}
