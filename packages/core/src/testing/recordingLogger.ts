import type { LogFn, Logger } from '../model/logger.js';

/** One captured log call. */
export interface LogEntry {
  level: 'debug' | 'info' | 'warn' | 'error';
  msg?: string;
  /** The merged bindings of the child loggers and the call's object. */
  fields: Record<string, unknown>;
}

/** A `Logger` that keeps what it is given, for assertions. */
export interface RecordingLogger extends Logger {
  /** Every entry from this logger and its children, in order. */
  readonly entries: LogEntry[];
}

/**
 * A recording fake of the pino-shaped `Logger`; children share the parent's `entries`.
 *
 * @example
 * const logger = recordingLogger();
 * createDeliveryQueue(sender, { logger });
 * expect(logger.entries.some((e) => e.msg === 'notification dropped')).toBe(true);
 */
export function recordingLogger(): RecordingLogger {
  const entries: LogEntry[] = [];
  return withBindings(entries, {});
}

function withBindings(entries: LogEntry[], bindings: Record<string, unknown>): RecordingLogger {
  const at =
    (level: LogEntry['level']): LogFn =>
    (first: object | string, msg?: string) => {
      const entry: LogEntry =
        typeof first === 'string'
          ? { level, msg: first, fields: { ...bindings } }
          : { level, fields: { ...bindings, ...first }, ...(msg === undefined ? {} : { msg }) };
      entries.push(entry);
    };
  return {
    entries,
    debug: at('debug'),
    info: at('info'),
    warn: at('warn'),
    error: at('error'),
    child: (more) => withBindings(entries, { ...bindings, ...more }),
  };
}
