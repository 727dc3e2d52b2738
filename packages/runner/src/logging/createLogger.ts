import { createRequire } from 'node:module';
import { pino } from 'pino';
import type { DestinationStream, Logger as PinoLogger } from 'pino';
import type PinoPretty from 'pino-pretty';
import type { LogLevel } from '../config/types.js';
import { createSecretScrubber } from './createSecretScrubber.js';
import { serializeError } from './serializeError.js';

/** Where logs go and how. */
export interface LoggerOptions {
  level?: LogLevel;
  /** Human-readable lines (pino-pretty) instead of JSON. */
  pretty?: boolean;
  /** Defaults to stdout. Anything with `write(string)`. */
  destination?: { write(chunk: string): unknown };
  /** Values to blank out wherever they appear (the `${env:…}` values of the config). */
  secrets?: readonly string[];
}

/**
 * Paths redacted by pino: sender options hold webhook URLs, tokens and passwords, so they never
 * reach a log line under any of the keys the runner or a plugin might log them with.
 */
export const REDACT_PATHS = [
  'options',
  '*.options',
  'senders[*].options',
  'config.senders[*].options',
  'headers.authorization',
  '*.headers.authorization',
];

/**
 * The runner's pino logger: JSON lines (or pretty with `pretty`), sender options redacted by
 * path, and every secret value replaced in the final line whatever field it ended up in (an
 * error message quoting a webhook URL, say).
 *
 * @example
 * const logger = createLogger({ level: 'info', secrets: config.secrets });
 * logger.info({ cluster: 'prod' }, 'started');
 */
export function createLogger(options: LoggerOptions = {}): PinoLogger {
  const scrub = createSecretScrubber(options.secrets ?? []);
  const target = options.destination ?? process.stdout;
  // prettyFactory formats synchronously in-process: no worker thread, nothing lost on exit. It is
  // required only with --pretty: JSON logs never load it (issue 13, idle start).
  const pretty = options.pretty ? loadPinoPretty().prettyFactory({ colorize: false }) : undefined;
  const destination: DestinationStream = {
    write: (chunk: string) => void target.write(pretty ? pretty(chunk) : chunk),
  };
  return pino(
    {
      level: options.level ?? 'info',
      redact: { paths: REDACT_PATHS, censor: '[redacted]' },
      serializers: { err: serializeError },
      hooks: { streamWrite: scrub },
    },
    destination,
  );
}

function loadPinoPretty(): typeof PinoPretty {
  return createRequire(import.meta.url)('pino-pretty') as typeof PinoPretty;
}
