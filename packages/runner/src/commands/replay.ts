import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { defaultFormatter, monitorPipeline } from '@mona-ecs/core';
import type { Destination, Formatter, Logger, Routed } from '@mona-ecs/core';
import { deliverTo } from '@mona-ecs/core/pipeline';
import { lastValueFrom, mergeMap, tap } from 'rxjs';
import type { MonoTypeOperatorFunction } from 'rxjs';
import { loadConfig } from '../config/loadConfig.js';
import type { ResolvedConfig } from '../config/types.js';
import { RunnerError, RunnerErrorCode } from '../errors.js';
import { createLogger } from '../logging/createLogger.js';
import { createDestinations, drainAndClose } from '../monitor/createDestinations.js';
import type { LiveDestination } from '../monitor/createDestinations.js';
import { DRAIN_TIMEOUT_MS } from '../monitor/startMonitor.js';
import { createMetrics } from '../ops/createMetrics.js';
import { createSenders, loadSenders } from '../plugins/createSenders.js';
import { loadFormatter } from '../plugins/loadFormatter.js';
import { createRoute } from '../routing/createRoute.js';
import { printNotification } from '../record/printNotification.js';
import { recordedRuns } from '../record/recordedRuns.js';
import { RecordingError } from '../record/recordingFormat.js';
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
    const live = config && send ? await destinationsOf(config, logger) : undefined;
    // Without senders, every notification is shown (what a config with one catch-all sender gets).
    const routes: Destination[] | undefined = config?.senders.length
      ? config.senders.map((s) => {
          const route = createRoute(s);
          return { name: s.instanceName, accepts: (n) => route.accepts(n) };
        })
      : undefined;
    // The same pipeline as `mona run`, with the recording as its source stage, no enrichment,
    // and, unless --send, printing as its last stage.
    const deliver: MonoTypeOperatorFunction<Routed> = live
      ? deliverTo()
      : tap(({ notification, to }) => {
          if (!routes || to.length > 0) io.stdout.write(printNotification(notification, routes ? to.map((d) => d.name) : undefined));
        });
    try {
      const lines = createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity });
      await lastValueFrom(
        recordedRuns(lines).pipe(
          mergeMap((run) =>
            monitorPipeline({
              sweeps: run.sweeps,
              monitor: run.monitor,
              logger,
              logInterval: Infinity,
              formatter,
              destinations: live ?? routes ?? [],
              deliver,
            }),
          ),
        ),
        { defaultValue: undefined },
      );
    } catch (error) {
      if (error instanceof RecordingError || UNREADABLE.has((error as { code?: string }).code ?? '')) {
        io.stderr.write(`mona replay: ${file}: ${(error as Error).message}\n`);
        return 2;
      }
      throw error;
    } finally {
      await closeAll(live ?? [], logger);
    }
    return 0;
  },
};

/** A FILE that cannot be read is a usage error (exit 2), like a missing one. */
const UNREADABLE: ReadonlySet<string> = new Set(['ENOENT', 'EISDIR', 'EACCES', 'EPERM']);

async function configOf(flags: Flags, io: CliIo): Promise<ResolvedConfig | undefined> {
  const path = flags['config'];
  return typeof path === 'string' && path !== '' ? loadConfig(path, io.env, io.stdin) : undefined;
}

async function destinationsOf(config: ResolvedConfig, logger: Logger): Promise<LiveDestination[]> {
  const live = await createSenders(await loadSenders(config), logger);
  return createDestinations(live, config, { metrics: createMetrics(), logger });
}

/** Drain (bounded) and close every queue; closing a queue closes its sender. */
async function closeAll(destinations: readonly LiveDestination[], logger: Logger): Promise<void> {
  if (!(await drainAndClose(destinations, DRAIN_TIMEOUT_MS)))
    logger.warn({ timeoutMs: DRAIN_TIMEOUT_MS }, 'some notifications were not delivered in time');
}
