import type { ParseArgsConfig } from 'node:util';

/** What a command may touch of the outside world; tests inject all of it. */
export interface CliIo {
  stdout: { write(chunk: string): unknown };
  stderr: { write(chunk: string): unknown };
  env: Readonly<Record<string, string | undefined>>;
  /** Where `--config -` reads the config from. Default `process.stdin`. */
  stdin?: AsyncIterable<string | Uint8Array>;
  /** Subscribe to SIGTERM/SIGINT; returns an unsubscribe function. Default: `process.once`. */
  onSignal?(handler: (signal: string) => void): () => void;
}

/** Parsed flags, as `util.parseArgs` returns them. */
export type Flags = Record<string, string | boolean | (string | boolean)[] | undefined>;

/**
 * One `mona` sub-command. Add a file to `commands/` and register it in `commands/registry.ts`.
 *
 * @example
 * export const hello: Command = {
 *   name: 'hello', summary: 'say hello', usage: 'mona hello', options: {},
 *   run: async (_flags, _positionals, io) => { io.stdout.write('hello\n'); return 0; },
 * };
 */
export interface Command {
  name: string;
  /** One line for the top-level help. */
  summary: string;
  /** Full help text of the command (usage line, flags, exit codes). */
  usage: string;
  /** `util.parseArgs` options; `--help` is added for every command. */
  options: NonNullable<ParseArgsConfig['options']>;
  /** Whether positionals are allowed (e.g. `mona replay FILE`). */
  allowPositionals?: boolean;
  /** Resolve with the exit code. Config errors may be thrown: `main` maps them to exit 2. */
  run(flags: Flags, positionals: string[], io: CliIo): Promise<number>;
}
