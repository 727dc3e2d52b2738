import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SlackErrorCode } from './errors.js';

/** The codes of the README's code table (the first table of "## Errors"). */
function readmeCodes(): string[] {
  const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
  const section = readme.slice(readme.indexOf('\n## Errors'), readme.indexOf('\n## Decisions'));
  return [...section.matchAll(/^\| `(SLACK_[A-Z_]+)` +\|/gm)].map((match) => match[1] ?? '');
}

describe('SlackErrorCode', () => {
  it('is the README code table, row for row and in order', () => {
    // Act
    const documented = readmeCodes();
    // Assess
    expect(documented).toEqual(Object.values(SlackErrorCode));
  });

  it('names every code the package throws', () => {
    // Prepare: no code literal outside the table
    const sources = ['createWebhookSender.ts', 'createBotSender.ts', 'classifySlackError.ts'].map((f) =>
      readFileSync(new URL(`./${f}`, import.meta.url), 'utf8'),
    );
    // Assess
    for (const text of sources) expect(text).not.toMatch(/code: '[A-Z_]+'/);
  });
});
