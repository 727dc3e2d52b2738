import type { Logger } from '@mona-ecs/core';
import type { LogLevel, Logger as SdkLogger } from '@slack/web-api';

/**
 * Route the Web API client's own logging into the sender's logger, so its warnings land in
 * Mona's JSON log instead of on stdout. The level is left to Mona's logger.
 *
 * @example
 * new WebClient(token, { logger: slackLogger(context.logger) });
 */
export function slackLogger(logger: Logger): SdkLogger {
  const line = (parts: unknown[]): string => parts.map((part) => (typeof part === 'string' ? part : JSON.stringify(part))).join(' ');
  return {
    debug: (...parts: unknown[]) => logger.debug({ source: '@slack/web-api' }, line(parts)),
    info: (...parts: unknown[]) => logger.info({ source: '@slack/web-api' }, line(parts)),
    warn: (...parts: unknown[]) => logger.warn({ source: '@slack/web-api' }, line(parts)),
    error: (...parts: unknown[]) => logger.error({ source: '@slack/web-api' }, line(parts)),
    setLevel: () => undefined,
    // `LogLevel.DEBUG`, without loading the Web API for its enum.
    getLevel: () => 'debug' as LogLevel,
    setName: () => undefined,
  };
}
