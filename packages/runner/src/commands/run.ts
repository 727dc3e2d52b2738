import { loadConfig } from '../config/loadConfig.js';
import { createLogger } from '../logging/createLogger.js';
import { startMonitor } from '../monitor/startMonitor.js';
import { recorderFor } from '../record/recorderFor.js';
import type { CliIo, Command } from './Command.js';
import { requireConfigFlag } from './requireConfigFlag.js';

/**
 * `mona run --config FILE [--pretty]`: monitor until SIGTERM/SIGINT, then stop polling, drain
 * the queues (at most 10 s), close the senders and exit 0.
 *
 * @example
 * process.exitCode = await run.run({ config: '/config/mona.json' }, [], io);
 */
export const run: Command = {
  name: 'run',
  summary: 'monitor the configured clusters until SIGTERM/SIGINT',
  usage: [
    'Usage: mona run --config FILE [--pretty] [--record FILE]',
    '',
    'Watches every service of the configured clusters and sends notifications through the',
    'configured senders. Logs are JSON lines on stdout (secrets redacted). On SIGTERM or SIGINT',
    'it stops polling, drains the delivery queues for at most 10 s, closes the senders and exits.',
    'A second signal skips the rest of the drain and closes the senders at once.',
    '',
    'Options:',
    '  -c, --config FILE   the config file; - reads it from stdin; without it, the JSON in MONA_CONFIG',
    '      --pretty        human-readable logs instead of JSON',
    '      --record FILE   append every sweep to FILE as JSON lines (see mona replay)',
    '  -h, --help          this help',
    '',
    'Exit codes: 0 stopped by a signal, 1 runtime failure, 2 bad config or plugin.',
  ].join('\n'),
  options: { config: { type: 'string', short: 'c' }, pretty: { type: 'boolean' }, record: { type: 'string' } },
  async run(flags, _positionals, io) {
    const config = await loadConfig(requireConfigFlag(flags, 'run', io.env), io.env, io.stdin);
    const logger = createLogger({
      level: config.logLevel,
      pretty: flags['pretty'] === true,
      destination: io.stdout,
      secrets: config.secrets,
    });
    const recorder = recorderFor(flags, config, logger);
    const monitor = await startMonitor(config, { logger, ...(recorder ? { onSweep: (outcome) => recorder.write(outcome) } : {}) }).catch(
      async (error: unknown) => {
        await recorder?.close();
        throw error;
      },
    );
    const signal = waitForSignal(io);
    try {
      const received = await Promise.race([signal.promise, monitor.failed]);
      signal.dispose();
      logger.info({ signal: received }, 'stopping');
      await monitor.stop(hurryOnSecondSignal(io, logger));
      return 0;
    } catch (error) {
      logger.error({ err: error }, 'mona failed');
      await monitor.stop();
      return 1;
    } finally {
      signal.dispose();
      await recorder?.close();
    }
  },
};

/**
 * A second SIGTERM/SIGINT while draining means "now": the drain is cut short and the senders
 * are closed at once. The listener then goes away, so a third signal kills the process the
 * default way should a sender's close() hang.
 */
function hurryOnSecondSignal(io: CliIo, logger: { warn(obj: object, msg: string): void }): AbortSignal {
  const hurry = new AbortController();
  const dispose = (io.onSignal ?? onProcessSignal)((signal) => {
    dispose();
    logger.warn({ signal }, 'second signal: closing the senders now; notifications still queued are dropped');
    hurry.abort();
  });
  return hurry.signal;
}

function waitForSignal(io: CliIo): { promise: Promise<string>; dispose(): void } {
  let dispose = () => {};
  const promise = new Promise<string>((resolve) => {
    dispose = (io.onSignal ?? onProcessSignal)(resolve);
  });
  return { promise, dispose: () => dispose() };
}

function onProcessSignal(handler: (signal: string) => void): () => void {
  const listener = (signal: NodeJS.Signals) => handler(signal);
  process.once('SIGTERM', listener);
  process.once('SIGINT', listener);
  return () => {
    process.off('SIGTERM', listener);
    process.off('SIGINT', listener);
  };
}
