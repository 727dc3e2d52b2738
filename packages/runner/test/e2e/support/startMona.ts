import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The built CLI: the end-to-end tests run what users run (`npm test` builds first). */
export const CLI = fileURLToPath(new URL('../../../dist/cli.js', import.meta.url));

/** Fake static credentials: the SDK signs requests, the simulator never checks them. */
export const FAKE_AWS_ENV = {
  AWS_ACCESS_KEY_ID: 'AKIAE2ETEST000000000',
  AWS_SECRET_ACCESS_KEY: 'e2e-not-a-secret',
  AWS_REGION: 'us-east-1',
  AWS_EC2_METADATA_DISABLED: 'true',
  AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
} as const;

/** A `mona` child process. */
export interface MonaProcess {
  stdout(): string;
  stderr(): string;
  /** Exit code once exited, else null. */
  exitCode(): number | null;
  /** Resolves with the exit code (fails past `timeoutMs`). */
  exited(timeoutMs?: number): Promise<number>;
  /** SIGTERM, then wait for the exit. */
  stop(timeoutMs?: number): Promise<number>;
  /** SIGKILL (a crash: nothing is flushed), then wait for the exit. */
  kill(): Promise<number>;
}

/** The process environment without AWS settings of the machine the tests run on. */
function cleanEnv(): Record<string, string> {
  return Object.fromEntries(
    Object.entries(process.env).filter((e): e is [string, string] => e[1] !== undefined && !e[0].startsWith('AWS_')),
  );
}

/**
 * Run `node dist/cli.js <args>` with fake AWS credentials plus `env`.
 *
 * @example
 * const mona = runCli(['demo', '--beat-ms', '100']);
 * expect(await mona.exited()).toBe(0);
 */
export function runCli(args: string[], env: Record<string, string> = {}): MonaProcess {
  // A state directory of its own unless the test shares one (restarts, replicas): tests never
  // touch the user's state file, nor each other's.
  const stateDir = mkdtempSync(join(tmpdir(), 'mona-e2e-state-'));
  const child = spawn(process.execPath, [CLI, ...args], {
    env: { ...cleanEnv(), ...FAKE_AWS_ENV, MONA_STATE_DIR: stateDir, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout.setEncoding('utf8').on('data', (c: string) => (out += c));
  child.stderr.setEncoding('utf8').on('data', (c: string) => (err += c));
  const exit = new Promise<number>((resolve) => child.once('close', (code, signal) => resolve(code ?? (signal ? 128 : 1))));
  const exited = async (timeoutMs = 20_000) => {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        child.kill('SIGKILL');
        reject(new Error(`mona ${args[0]} did not exit within ${timeoutMs} ms\nstderr: ${err.slice(-2000)}`));
      }, timeoutMs);
    });
    try {
      return await Promise.race([exit, timeout]);
    } finally {
      clearTimeout(timer);
    }
  };
  return {
    stdout: () => out,
    stderr: () => err,
    exitCode: () => child.exitCode,
    exited,
    async stop(timeoutMs) {
      if (child.exitCode === null) child.kill('SIGTERM');
      return exited(timeoutMs);
    },
    async kill() {
      if (child.exitCode === null) child.kill('SIGKILL');
      return exited();
    },
  };
}

/**
 * Write `config` to a temporary file and start `mona run --config` on it.
 *
 * @example
 * const mona = startMona({ ecsCluster: 'default', checkIntervalSeconds: 0.2, senders: [...] });
 */
export function startMona(config: Record<string, unknown>, env: Record<string, string> = {}): MonaProcess {
  const dir = mkdtempSync(join(tmpdir(), 'mona-e2e-'));
  const file = join(dir, 'mona.json');
  writeFileSync(file, JSON.stringify(config, null, 2));
  return runCli(['run', '--config', file], env);
}
