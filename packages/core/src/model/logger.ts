/**
 * The logging surface core needs: a subset of pino's `Logger`, so a pino instance fits and tests
 * can pass a recording fake.
 */
export interface LogFn {
  (obj: object, msg?: string): void;
  (msg: string): void;
}
export interface Logger {
  debug: LogFn;
  info: LogFn;
  warn: LogFn;
  error: LogFn;
  child(bindings: Record<string, unknown>): Logger;
}
