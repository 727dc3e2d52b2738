import { spawn } from 'node:child_process';

/** What a finished child process left behind. */
export interface CommandResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Where and how long a command may run. */
export interface RunOptions {
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** Killed (SIGKILL) after this long; the promise then rejects, naming the command. */
  timeoutMs: number;
  input?: string;
}

/**
 * Run a command to its end and resolve with its exit code and output, whatever the exit code;
 * reject only when it cannot start or overruns its time, so every step of the test is bounded.
 *
 * @example
 * const { code, stdout } = await runCommand('npm', ['--version'], { cwd: dir, env, timeoutMs: 30_000 });
 */
export function runCommand(command: string, args: readonly string[], options: RunOptions): Promise<CommandResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: options.cwd, env: options.env, stdio: ['pipe', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${command} ${args.join(' ')} did not finish within ${options.timeoutMs} ms:\n${Buffer.concat(err).toString()}`));
    }, options.timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout: Buffer.concat(out).toString(), stderr: Buffer.concat(err).toString() });
    });
    child.stdin.end(options.input ?? '');
  });
}

/** `runCommand`, but a non-zero exit rejects with the command's output, for steps that must work. */
export async function runChecked(command: string, args: readonly string[], options: RunOptions): Promise<CommandResult> {
  const result = await runCommand(command, args, options);
  if (result.code !== 0) {
    throw new Error(`${command} ${args.join(' ')} exited ${String(result.code)} in ${options.cwd}:\n${result.stdout}\n${result.stderr}`);
  }
  return result;
}
