import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { MonaError, MonaErrorCode, SenderError } from './errors.js';

/** The rows of the README's "## Errors" table: code → where, meaning, fix (as written, backticks kept). */
function readmeErrorTable(): Record<string, { where: string; description: string; fix: string }> {
  const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
  const section = readme.slice(readme.indexOf('\n## Errors'), readme.indexOf('\n## Compatibility'));
  const rows: Record<string, { where: string; description: string; fix: string }> = {};
  for (const line of section.split('\n')) {
    const cells = line.split(/(?<!\\)\|/).map((cell) => cell.trim());
    const code = /^`([A-Z_]+)`$/.exec(cells[1] ?? '')?.[1];
    if (code) rows[code] = { where: cells[2] ?? '', description: cells[3] ?? '', fix: cells[4] ?? '' };
  }
  return rows;
}

describe('MonaErrorCode', () => {
  it('is the README error table, row for row', () => {
    // Act
    const table = readmeErrorTable();
    // Assess
    expect(table).toEqual(MonaErrorCode);
  });

  it('names every code core throws in the source', () => {
    // Prepare: every code literal given to `new MonaError(...)`, `super(...)` or `code: '...'` in core's sources
    const src = fileURLToPath(new URL('.', import.meta.url));
    const files = readdirSync(src, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'));
    const thrown = new Set<string>();
    for (const text of files.map((f) => readFileSync(join(src, f), 'utf8'))) {
      for (const match of text.matchAll(
        /new (?:MonaError|SenderError)\(\s*'(MONA_[A-Z_]+)'|code: '(MONA_[A-Z_]+)'|super\('(MONA_[A-Z_]+)'/g,
      )) {
        thrown.add(match[1] ?? match[2] ?? match[3] ?? '');
      }
    }
    // Assess
    expect(thrown.size).toBeGreaterThan(8);
    for (const code of thrown) expect(Object.keys(MonaErrorCode), code).toContain(code);
  });

  it('types the code of a MonaError and keeps its cause', () => {
    // Act
    const cause = new Error('root');
    const error = new MonaError('MONA_BAD_RATE_LIMIT', 'rateLimit.burst must be a positive number, got 0', { cause });
    // Assess
    expect([error.code, error.cause, error.name]).toEqual(['MONA_BAD_RATE_LIMIT', cause, 'MonaError']);
    expect(MonaErrorCode[error.code].fix).toBe('fix the option');
  });

  it("gives a SenderError its default code by retryability, or the sender package's own", () => {
    // Act
    const codes = [
      new SenderError('x', { retryable: true }).code,
      new SenderError('x', { retryable: false }).code,
      new SenderError('x', { retryable: false, code: 'SLACK_CLOSED' }).code,
    ];
    // Assess
    expect(codes).toEqual(['MONA_SEND_RETRYABLE', 'MONA_SEND_FAILED', 'SLACK_CLOSED']);
  });
});
