import { readFileSync } from 'node:fs';

/**
 * The version of the installed `mona-ecs` package, read from its package.json (one level above
 * `src/` and `dist/` alike), so `mona --version` always names what npm installed, including
 * after a `changeset version` bump, with no generated file to keep in sync.
 *
 * @example
 * monaVersion(); // '0.1.0'
 */
export function monaVersion(): string {
  const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version?: unknown };
  if (typeof manifest.version !== 'string') throw new Error('mona-ecs: its package.json has no "version"');
  return manifest.version;
}
