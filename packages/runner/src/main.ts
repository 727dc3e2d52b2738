import { parseArgs } from 'node:util';
import { ConfigError, exitCodeOf } from './errors.js';
import type { CliIo, Command } from './commands/Command.js';
import { commands } from './commands/registry.js';
import { monaVersion } from './version.js';

const HELP_OPTION = { help: { type: 'boolean', short: 'h' } } as const;

/** The top-level help, listing the registered commands. */
export function topLevelHelp(): string {
  const width = Math.max(...[...commands.keys()].map((n) => n.length));
  const lines = [...commands.values()].map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`);
  return [
    'Usage: mona <command> [options]',
    '       mona --version | -v',
    '',
    'Mona watches AWS ECS deployments and notifies you through pluggable senders.',
    '',
    'Commands:',
    ...lines,
    '',
    'Run `mona <command> --help` for the options of a command.',
    'Exit codes: 0 success, 1 runtime failure (mona wait: the deployment failed or rolled back), 2 bad config or usage,',
    '3 mona wait timed out.',
  ].join('\n');
}

/**
 * The `mona` CLI, testable in-process: parse `argv` (without `node` and the script), run the
 * command, and resolve with the exit code. Errors are printed on `io.stderr`, never thrown.
 *
 * @example
 * const code = await main(['validate', '--config', 'mona.json'], { stdout: process.stdout, stderr: process.stderr, env: process.env });
 */
export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    (name === undefined ? io.stderr : io.stdout).write(`${topLevelHelp()}\n`);
    return name === undefined ? 2 : 0;
  }
  if (name === '--version' || name === '-v') {
    io.stdout.write(`${monaVersion()}\n`);
    return 0;
  }
  const command = commands.get(name);
  if (!command) {
    io.stderr.write(`mona: unknown command "${name}"\n\n${topLevelHelp()}\n`);
    return 2;
  }
  return runCommand(command, rest, io);
}

async function runCommand(command: Command, args: string[], io: CliIo): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      options: { ...command.options, ...HELP_OPTION },
      allowPositionals: command.allowPositionals ?? false,
      strict: true,
    });
  } catch (error) {
    io.stderr.write(`mona ${command.name}: ${(error as Error).message}\n\n${command.usage}\n`);
    return 2;
  }
  if (parsed.values['help'] === true) {
    io.stdout.write(`${command.usage}\n`);
    return 0;
  }
  try {
    return await command.run(parsed.values, parsed.positionals, io);
  } catch (error) {
    io.stderr.write(describeError(command.name, error));
    return exitCodeOf(error);
  }
}

function describeError(command: string, error: unknown): string {
  if (error instanceof ConfigError) {
    const lines = error.issues.map((i) => `  ${i.path}: ${i.message}\n      hint: ${i.hint} [${i.code}]`);
    const what = error.source === undefined ? 'the config' : `config ${error.source}`;
    const count = `${error.issues.length} problem${error.issues.length === 1 ? '' : 's'}`;
    return `mona ${command}: ${error.code}: ${what} has ${count}:\n${lines.join('\n')}\n`;
  }
  const e = error as { code?: unknown; message?: unknown; stack?: unknown };
  if (typeof e?.code === 'string' && e.code.startsWith('MONA_')) return `mona ${command}: ${e.code}: ${String(e.message)}\n`;
  return `mona ${command}: unexpected error: ${String(e?.stack ?? error)}\n`;
}
