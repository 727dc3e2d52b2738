import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RunnerError, RunnerErrorCode, exitCodeOf } from './errors.js';

/** The codes of the README's "## Errors" table, in order. */
function readmeCodes(): string[] {
  const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
  const section = readme.slice(readme.indexOf('\n## Errors'), readme.indexOf('\n## Decisions'));
  return [...section.matchAll(/^\| `(MONA_[A-Z_]+)` +\|/gm)].map((match) => match[1] ?? '');
}

describe('RunnerErrorCode', () => {
  it('is the README error table: every code documented once, none missing', () => {
    // Act
    const documented = readmeCodes();
    // Assess
    expect([...documented].sort()).toEqual(Object.values(RunnerErrorCode).sort());
    expect(new Set(documented).size).toBe(documented.length);
  });

  it('exits with 2 for every code but the ops server failing to listen', () => {
    // Act
    const exits = Object.values(RunnerErrorCode).map((code) => [code, exitCodeOf(new RunnerError(code, 'x'))]);
    // Assess
    expect(exits.filter(([, exit]) => exit === 1)).toEqual([[RunnerErrorCode.httpListenFailed, 1]]);
  });
});
