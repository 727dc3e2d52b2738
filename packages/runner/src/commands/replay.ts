import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { defaultFormatter, toNotification } from '@mona-ecs/core';
import type { Formatter, Logger } from '@mona-ecs/core';
import { loadConfig } from '../config/loadConfig.js';
import type { ResolvedConfig } from '../config/types.js';
import { RunnerError, RunnerErrorCode } from '../errors.js';
import { createLogger } from '../logging/createLogger.js';
import { createDestinations } from '../monitor/createDestinations.js';
import type { Destination } from '../monitor/createDispatcher.js';
import { DRAIN_TIMEOUT_MS } from '../monitor/startMonitor.js';
import { createMetrics } from '../ops/createMetrics.js';
import { createSenders, loadSenders } from '../plugins/createSenders.js';
import { loadFormatter } from '../plugins/loadFormatter.js';
import { createRoute } from '../routing/createRoute.js';
import { printNotification } from '../record/printNotification.js';
import { RecordingError } from '../record/recordingFormat.js';
import { replayRecording } from '../record/replayRecording.js';
import type { CliIo, Command, Flags } from './Command.js';

/**
 * `mona replay FILE [--config FILE] [--send]`: feeds a recording (`mona run --record`) through
 * the reducer and prints the notifications the run would have sent, or sends them.
 *
 * @example
 * process.exitCode = await replay.run({ config: 'mona.json' }, ['run.jsonl'], io);
 */
export const replay: Command = {
  name: 'replay',
  summary: 'replay a recording (mona run --record) through the reducer; print or --send its notifications',
  usage: [
    'Usage: mona replay FILE [--config FILE] [--send]',
    '',
    'Reads a recording made by `mona run --record FILE` and feeds it through the same reducer,',
    'without enrichment and as fast as it reads, with the reducer settings recorded in the file.',
    'Prints every notification the run would have sent (with --config: rendered with its',
    'templates/formatter, and only those its senders would receive, with their names).',
    'Every replay of a file gives the same notifications, with the same ids.',
    '',
    'Options:',
    '  -c, --config FILE   templates, formatter and senders to use',
    "      --send          send the notifications through the config's senders instead of printing them",
    '  -h, --help          this help',
    '',
    'Exit codes: 0 done, 1 a runtime failure, 2 bad usage, config or recording.',
  ].join('\n'),
  options: { config: { type: 'string', short: 'c' }, send: { type: 'boolean' } },
  allowPositionals: true,
  async run(flags, positionals, io) {
    const [file, ...extra] = positionals;
    if (file === undefined || extra.length > 0)
      throw new RunnerError(RunnerErrorCode.usage, 'mona replay needs exactly one FILE (see mona replay --help)');
    const config = await configOf(flags, io);
    const send = flags['send'] === true;
    if (send && !config) throw new RunnerError(RunnerErrorCode.usage, 'mona replay --send needs --config FILE with senders');
    const logger = createLogger({ level: config?.logLevel ?? 'info', destination: io.stderr, secrets: config?.secrets ?? [] });
    const formatter: Formatter = config ? await loadFormatter(config) : defaultFormatter;
    // Printing needs only the routes; senders are created (connections opened) only to send.
    const destinations = config && send ? await destinationsOf(config, logger) : undefined;
    // Without senders, every notification is shown (what a config with one catch-all sender gets).
    const routes = config?.senders.length ? config.senders.map((s) => ({ name: s.instanceName, route: createRoute(s) })) : undefined;
    try {
      const lines = createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity });
      for await (const event of replayRecording(lines)) {
        const notification = toNotification(event, formatter, (error) =>
          logger.warn({ err: error, eventId: event.id }, 'formatter failed'),
        );
        if (destinations) {
          for (const d of destinations) if (d.route.accepts(notification)) d.queue.enqueue(notification);
          continue;
        }
        const to = routes?.filter((r) => r.route.accepts(notification)).map((r) => r.name);
        if (!to || to.length > 0) io.stdout.write(printNotification(notification, to));
      }
    } catch (error) {
      if (error instanceof RecordingError || UNREADABLE.has((error as { code?: string }).code ?? '')) {
        io.stderr.write(`mona replay: ${file}: ${(error as Error).message}\n`);
        return 2;
      }
      throw error;
    } finally {
      await closeAll(destinations ?? [], logger);
    }
    return 0;
  },
};

/** A FILE that cannot be read is a usage error (exit 2), like a missing one. */
const UNREADABLE: ReadonlySet<string> = new Set(['ENOENT', 'EISDIR', 'EACCES', 'EPERM']);

async function configOf(flags: Flags, io: CliIo): Promise<ResolvedConfig | undefined> {
  const path = flags['config'];
  return typeof path === 'string' && path !== '' ? loadConfig(path, io.env) : undefined;
}

async function destinationsOf(config: ResolvedConfig, logger: Logger): Promise<Destination[]> {
  const live = await createSenders(await loadSenders(config), logger);
  return createDestinations(live, config, { metrics: createMetrics(), logger });
}

/** Drain (bounded) and close every queue; closing a queue closes its sender. */
async function closeAll(destinations: readonly Destination[], logger: Logger): Promise<void> {
  const drained = await Promise.all(destinations.map((d) => d.queue.drain(DRAIN_TIMEOUT_MS)));
  if (drained.some((ok) => !ok)) logger.warn({ timeoutMs: DRAIN_TIMEOUT_MS }, 'some notifications were not delivered in time');
  await Promise.all(destinations.map((d) => d.queue.close()));
}
