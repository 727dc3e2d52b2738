import { textForms, type Notification } from '@mona-ecs/core';
import type { MonitorStarted } from '@mona-ecs/core/format';
import { loadConfig } from '../config/loadConfig.js';
import type { ResolvedConfig } from '../config/types.js';
import { RunnerError, RunnerErrorCode } from '../errors.js';
import { createLogger } from '../logging/createLogger.js';
import { createSecretScrubber } from '../logging/createSecretScrubber.js';
import { closeSenders, createSenders, loadSenders } from '../plugins/createSenders.js';
import type { LiveSender } from '../plugins/createSenders.js';
import type { Command, Flags } from './Command.js';
import { requireConfigFlag } from './requireConfigFlag.js';

const DEFAULT_TIMEOUT_MS = 10_000;

/**
 * A test notification: a MonitorStarted event of the first cluster, with its own id so that a
 * sender that de-duplicates never mistakes it for a real one.
 */
export function testNotification(config: ResolvedConfig, instanceName: string, now: number): Notification {
  const first = config.clusters[0] ?? { cluster: 'unknown', region: 'unknown' };
  const event: MonitorStarted = {
    type: 'MonitorStarted',
    id: `mona-test/${first.cluster}/${now}`,
    cluster: first.cluster,
    region: first.region,
    observedAt: now,
    serviceNames: [],
  };
  const text = `:wave: Test notification from Mona for \`${first.cluster}\` through \`${instanceName}\`: this sender works.`;
  return { id: event.id, event, text, ...textForms(text), title: `Mona test notification (${first.cluster})`, severity: 'info' };
}

/**
 * `mona test-sender --config FILE [--sender INDEX]`: send one test notification through each
 * configured sender directly (no retries), and report success or the classified error.
 *
 * @example
 * await testSender.run({ config: 'mona.json', sender: '0' }, [], io); // 0 when every send worked
 */
export const testSender: Command = {
  name: 'test-sender',
  summary: 'send one test notification through each configured sender',
  usage: [
    'Usage: mona test-sender --config FILE [--sender INDEX]',
    '',
    'Creates the configured senders and sends one test notification through each, directly',
    '(no retries), then reports success or the classified error per sender: whether a real',
    'run would retry it, and the wait the channel asked for (retryAfterMs) on a 429.',
    '',
    'Options:',
    '  -c, --config FILE    the config file; - reads it from stdin; without it, the JSON in MONA_CONFIG',
    '  -s, --sender INDEX   only senders[INDEX]',
    '  -h, --help           this help',
    '',
    'Exit codes: 0 all delivered, 1 a send failed, 2 bad config or usage.',
  ].join('\n'),
  options: { config: { type: 'string', short: 'c' }, sender: { type: 'string', short: 's' } },
  async run(flags, _positionals, io) {
    const config = await loadConfig(requireConfigFlag(flags, 'test-sender', io.env), io.env, io.stdin);
    const scrub = createSecretScrubber(config.secrets);
    const logger = createLogger({ level: 'warn', destination: io.stderr, secrets: config.secrets });
    const checked = selectSenders(await loadSenders(config), flags);
    const live = await createSenders(checked, logger, config.delivery.attemptTimeoutMs);
    try {
      const results = await Promise.all(live.map((s) => sendOne(s, config)));
      for (const line of results) io.stdout.write(`${scrub(line.text)}\n`);
      return results.every((r) => r.ok) ? 0 : 1;
    } finally {
      await closeSenders(live, logger);
    }
  },
};

function selectSenders<T extends { config: { index: number } }>(all: T[], flags: Flags): T[] {
  const raw = flags['sender'];
  if (raw === undefined) {
    if (all.length === 0) throw new RunnerError(RunnerErrorCode.usage, 'the config has no senders to test; add one to "senders"');
    return all;
  }
  const index = Number(raw);
  const found = all.find((s) => s.config.index === index);
  if (!Number.isInteger(index) || !found) {
    throw new RunnerError(RunnerErrorCode.usage, `--sender ${String(raw)} is not an index of "senders" (0…${all.length - 1})`);
  }
  return [found];
}

async function sendOne(live: LiveSender, config: ResolvedConfig): Promise<{ ok: boolean; text: string }> {
  const name = live.config.instanceName;
  const timeoutMs = config.delivery.attemptTimeoutMs ?? DEFAULT_TIMEOUT_MS;
  const signal = AbortSignal.timeout(timeoutMs);
  // A sender that ignores its signal must not hang the command: give up when the signal fires.
  let onAbort = () => {};
  const timedOut = new Promise<never>((_, reject) => {
    onAbort = () => reject(new Error(`no answer within ${timeoutMs} ms (delivery.attemptTimeoutMs)`));
    signal.addEventListener('abort', onAbort, { once: true });
  });
  try {
    await Promise.race([live.sender.send(testNotification(config, name, Date.now()), signal), timedOut]);
    return { ok: true, text: `ok      ${name}` };
  } catch (error) {
    return { ok: false, text: `FAILED  ${name}: ${describeFailure(error)}` };
  } finally {
    signal.removeEventListener('abort', onAbort);
  }
}

/**
 * `CODE: message`, then what a real run would do, without claiming a retry: this command sends
 * once. A retryable failure shows the wait the channel asked for (`retryAfterMs`), so an operator
 * sees a 429 for what it is.
 */
export function describeFailure(error: unknown): string {
  const e = error as { code?: unknown; retryable?: unknown; retryAfterMs?: unknown; message?: unknown; name?: unknown };
  const code = typeof e.code === 'string' ? e.code : String(e.name ?? 'Error');
  const wait =
    typeof e.retryAfterMs === 'number' ? `, retryAfterMs ${e.retryAfterMs}: the channel asked to wait ${formatWait(e.retryAfterMs)}` : '';
  const verdict =
    typeof e.retryable !== 'boolean'
      ? ''
      : e.retryable
        ? ` (retryable${wait}; \`mona run\` would retry it, test-sender sends once and did not)`
        : ' (permanent): no retry would help, fix the cause';
  return `${code}: ${String(e.message ?? error)}${verdict}`;
}

function formatWait(ms: number): string {
  return ms < 1000 ? `${ms} ms` : `${Math.round(ms / 100) / 10} s`;
}
