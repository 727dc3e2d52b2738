// Shared helpers for in-process CLI tests: captured stdout/stderr and temporary config files.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CliIo } from '../commands/Command.js';

export const fixturePlugin = (name: string): string => fileURLToPath(new URL(`./plugins/${name}`, import.meta.url));

export function captureIo(env: Record<string, string> = {}): CliIo & { out(): string; err(): string } {
  const out: string[] = [];
  const err: string[] = [];
  return {
    stdout: { write: (chunk: string) => out.push(chunk) },
    stderr: { write: (chunk: string) => err.push(chunk) },
    env,
    out: () => out.join(''),
    err: () => err.join(''),
  };
}

export function writeConfig(config: unknown): string {
  const dir = mkdtempSync(join(tmpdir(), 'mona-cli-'));
  const file = join(dir, 'mona.json');
  writeFileSync(file, typeof config === 'string' ? config : JSON.stringify(config, null, 2));
  return file;
}
