import type { Logger } from '@mona-ecs/core';

/** The original mona's `logger`: `logger.info(message, meta)`, as console, winston or bunyan-style loggers. */
export interface LegacyLogger {
  debug?(message: string, ...meta: unknown[]): unknown;
  info?(message: string, ...meta: unknown[]): unknown;
  warn?(message: string, ...meta: unknown[]): unknown;
  error?(message: string, ...meta: unknown[]): unknown;
  log?(message: string, ...meta: unknown[]): unknown;
}

type Level = 'debug' | 'info' | 'warn' | 'error';

/** pino (and pino-shaped loggers) take `(fields, message)`: they are used as they are. */
function isPinoShaped(logger: object): logger is Logger {
  const l = logger as Record<string, unknown>;
  return typeof l['bindings'] === 'function' && typeof l['child'] === 'function';
}

/**
 * Core's logger on top of the logger the original mona took. The original called
 * `logger.info(message, meta)`; core calls `logger.info(fields, message)`. A pino logger is used
 * as it is; any other gets `(message, fields)`, falling back to `log` for a missing level.
 *
 * @example
 * const logger = toCoreLogger(console);
 * logger.warn({ cluster: 'prod' }, 'sweep failed'); // console.warn('sweep failed', { cluster: 'prod' })
 */
export function toCoreLogger(legacy: LegacyLogger | Logger): Logger {
  if (isPinoShaped(legacy)) return legacy;
  return wrap(legacy as LegacyLogger, {});
}

function wrap(legacy: LegacyLogger, bindings: Record<string, unknown>): Logger {
  const at =
    (level: Level) =>
    (fieldsOrMessage: object | string, message?: string): void => {
      const write = legacy[level] ?? legacy.log;
      if (typeof write !== 'function') return;
      const fields = typeof fieldsOrMessage === 'string' ? bindings : { ...bindings, ...fieldsOrMessage };
      const text = typeof fieldsOrMessage === 'string' ? fieldsOrMessage : (message ?? '');
      if (Object.keys(fields).length === 0) write.call(legacy, text);
      else write.call(legacy, text, fields);
    };
  return {
    debug: at('debug'),
    info: at('info'),
    warn: at('warn'),
    error: at('error'),
    child: (more) => wrap(legacy, { ...bindings, ...more }),
  };
}
