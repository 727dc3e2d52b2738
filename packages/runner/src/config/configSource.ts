import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { RunnerError, RunnerErrorCode } from '../errors.js';

/** The environment variable that may hold the whole config as JSON (an ECS task fills it from SSM or Secrets Manager). */
export const CONFIG_ENV = 'MONA_CONFIG';

/**
 * Where a config comes from: a file, stdin (`--config -`) or the `MONA_CONFIG` variable.
 * `name` is what errors and `mona validate` call it; `configPath` is the path plugin and
 * formatter paths resolve against: the file's, or a name in the working directory for the
 * other two (they have no directory of their own).
 */
export interface ConfigSource {
  kind: 'file' | 'stdin' | 'env';
  name: string;
  configPath: string;
}

/**
 * The config source of a command line: `--config FILE`, `--config -` (stdin), else `MONA_CONFIG`
 * when set and not empty; undefined when there is none (the command decides whether that is fine).
 *
 * @example
 * configSourceOf('-', process.env); // { kind: 'stdin', name: 'stdin', configPath: '/cwd/stdin' }
 */
export function configSourceOf(flag: string | undefined, env: Readonly<Record<string, string | undefined>>): ConfigSource | undefined {
  if (flag === '-') return { kind: 'stdin', name: 'stdin', configPath: join(process.cwd(), 'stdin') };
  if (flag !== undefined && flag !== '') {
    const path = resolve(flag);
    return { kind: 'file', name: path, configPath: path };
  }
  const fromEnv = env[CONFIG_ENV];
  if (fromEnv !== undefined && fromEnv.trim() !== '') return { kind: 'env', name: CONFIG_ENV, configPath: join(process.cwd(), CONFIG_ENV) };
  return undefined;
}

/** Chunks of stdin: `process.stdin`, or any async iterable in tests. */
export type ConfigInput = AsyncIterable<string | Uint8Array>;

/**
 * The text of a config source. Throws `MONA_CONFIG_UNREADABLE` naming the source and the fix.
 *
 * @example
 * const text = await readConfigSource(source, process.env, process.stdin);
 */
export async function readConfigSource(
  source: ConfigSource,
  env: Readonly<Record<string, string | undefined>>,
  stdin: ConfigInput,
): Promise<string> {
  if (source.kind === 'env') return env[CONFIG_ENV] ?? '';
  if (source.kind === 'stdin') {
    const text = await readAll(stdin);
    if (text.trim() === '') {
      throw new RunnerError(
        RunnerErrorCode.configUnreadable,
        'stdin is empty: pipe the config in, e.g. `mona validate --config - < mona.json`',
      );
    }
    return text;
  }
  try {
    return await readFile(source.configPath, 'utf8');
  } catch (cause) {
    throw new RunnerError(
      RunnerErrorCode.configUnreadable,
      `cannot read config ${source.configPath}: ${whyUnreadable(cause)}; check the --config path`,
      { cause },
    );
  }
}

async function readAll(input: ConfigInput): Promise<string> {
  const decoder = new TextDecoder();
  let text = '';
  for await (const chunk of input) text += typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
  return text + decoder.decode();
}

/** Node's message repeats the path ("ENOENT: no such file or directory, open '/x'"): keep only why. */
function whyUnreadable(cause: unknown): string {
  const code = (cause as NodeJS.ErrnoException).code;
  const words: Record<string, string> = {
    ENOENT: 'no such file',
    EISDIR: 'a directory',
    EACCES: 'permission denied',
    EPERM: 'permission denied',
  };
  if (code !== undefined && words[code] !== undefined) return `${words[code]} (${code})`;
  return (cause as Error).message;
}
