import { parseConfig } from '../config/loadConfig.js';
import { RunnerError, RunnerErrorCode } from '../errors.js';
import { createLogger } from '../logging/createLogger.js';
import { startMonitor } from '../monitor/startMonitor.js';
import type { CliIo, Command, Flags } from './Command.js';
import { CONSOLE_PLUGIN, demoConfig, demoPace } from './demoConfig.js';

/**
 * Fake static credentials: the demo talks only to its in-process simulator, and the SDK's
 * credential chain must neither need a real AWS account nor reach for one (instance metadata).
 */
const DEMO_CREDENTIALS = {
  AWS_ACCESS_KEY_ID: 'AKIAMONADEMO00000000',
  AWS_SECRET_ACCESS_KEY: 'mona-demo-not-a-secret',
  AWS_EC2_METADATA_DISABLED: 'true',
  // The SDK's notice about future Node versions is not part of the story.
  AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
} as const;

/**
 * `mona demo [--beat-ms N]`: start the ECS simulator in-process on 127.0.0.1, run Mona against
 * it through the same `startMonitor` path as `mona run` with a console sender, and play the
 * scripted story (deployment, scale-out, crash and recovery, stalled deployment that times out,
 * circuit-breaker rollback). Stops on its own (about 35 s), drains and exits 0.
 *
 * @example
 * process.exitCode = await demo.run({}, [], { stdout: process.stdout, stderr: process.stderr, env: process.env });
 */
export const demo: Command = {
  name: 'demo',
  summary: 'watch Mona on a simulated ECS cluster (no AWS account needed, about 35 s)',
  usage: [
    'Usage: mona demo [--beat-ms N]',
    '',
    'Starts an ECS simulator on 127.0.0.1 and runs Mona against it with a console sender, through',
    'a scripted story: start-up, a deployment, a scale-out, a crash and its recovery, a deployment',
    'that stalls and times out, and a circuit-breaker rollback. Needs no AWS credentials.',
    'Notifications are printed one per line (coloured on a terminal unless NO_COLOR is set);',
    'warnings and errors are logged as JSON on stderr.',
    '',
    'Options:',
    '      --beat-ms N   length of one story beat in ms (default 1000; smaller is faster)',
    '  -h, --help        this help',
    '',
    'Exit codes: 0 the story ran to its end, 1 runtime failure, 2 bad usage.',
  ].join('\n'),
  options: { 'beat-ms': { type: 'string' } },
  async run(flags, _positionals, io) {
    // Loaded here, not at the top: every command shares the registry, and `mona run` in an image
    // must not load (or even need) the simulator.
    const { createDemoServices, runDemoStory, startSimulator } = await import('@mona-ecs/ecs-simulator');
    const pace = demoPace(beatOf(flags));
    Object.assign(process.env, DEMO_CREDENTIALS);
    const color = isTty(io.stdout) && (io.env['NO_COLOR'] ?? '') === '';
    const narrate = (line: string) => io.stdout.write(`${paint(color, `         ▶ ${line.replace(/^story: /, '')}`)}\n`);
    const sim = await startSimulator({ clock: 'real', stepMs: pace.stepMs });
    try {
      createDemoServices(sim);
      const raw = demoConfig({ endpoint: sim.url, region: sim.region, color, pace });
      const config = parseConfig(JSON.stringify(raw), { configPath: CONSOLE_PLUGIN, env: io.env });
      const logger = createLogger({ level: 'warn', destination: io.stderr });
      const monitor = await startMonitor(config, { logger });
      const interrupted = onInterrupt(io);
      const readerGone = onReaderGone(io);
      try {
        const story = runDemoStory(sim, { log: narrate, stepMs: pace.beatMs, stallMs: pace.stallMs })
          // Two more sweeps, so the last chapter's completion is seen before the queues drain.
          .then(() => sleep(2 * pace.checkIntervalSeconds * 1000));
        await Promise.race([story, interrupted.promise, readerGone.promise, monitor.failed]);
      } finally {
        interrupted.dispose();
        await monitor.stop();
        readerGone.dispose();
      }
      if (!readerGone.gone()) narrate('the demo is over: `mona run --config FILE` watches your own clusters');
      return 0;
    } finally {
      await sim.close();
    }
  },
};

function beatOf(flags: Flags): number | undefined {
  const raw = flags['beat-ms'];
  if (raw === undefined) return undefined;
  const beat = Number(raw);
  if (!Number.isInteger(beat) || beat < 50 || beat > 10_000) {
    throw new RunnerError(RunnerErrorCode.usage, `--beat-ms must be a whole number of ms between 50 and 10000, got "${String(raw)}"`);
  }
  return beat;
}

function isTty(stream: CliIo['stdout']): boolean {
  return (stream as { isTTY?: boolean }).isTTY === true;
}

function paint(color: boolean, text: string): string {
  return color ? `\u001b[2;3m${text}\u001b[0m` : text;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * The console sender prints to process.stdout: when its reader goes away (`mona demo | head`),
 * the write fails with EPIPE, an 'error' event that would crash the process with a stack trace.
 * The demo has no one left to show the story to, so it ends early and exits 0 as `head` expects.
 */
function onReaderGone(io: CliIo): { promise: Promise<unknown>; gone(): boolean; dispose(): void } {
  const stdout = process.stdout;
  if (io.stdout !== stdout) return { promise: new Promise(() => {}), gone: () => false, dispose: () => {} };
  let gone = false;
  let onError: (error: NodeJS.ErrnoException) => void = () => {};
  const promise = new Promise((resolve, reject) => {
    onError = (error) => {
      if (error.code !== 'EPIPE') return reject(error);
      gone = true;
      resolve(error);
    };
  });
  stdout.on('error', onError);
  return {
    promise,
    gone: () => gone,
    // Once the pipe broke, later writes (the drained notifications) fail too: keep listening.
    dispose: () => {
      if (!gone) stdout.off('error', onError);
    },
  };
}

/** SIGINT/SIGTERM end the demo early, still draining what is pending. */
function onInterrupt(io: CliIo): { promise: Promise<unknown>; dispose(): void } {
  let dispose: () => void = () => {};
  const promise = new Promise((resolve) => {
    if (io.onSignal) {
      dispose = io.onSignal(resolve);
      return;
    }
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
    dispose = () => {
      process.off('SIGINT', resolve);
      process.off('SIGTERM', resolve);
    };
  });
  return { promise, dispose: () => dispose() };
}
