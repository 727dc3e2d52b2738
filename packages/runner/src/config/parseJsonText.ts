import { parse, printParseErrorCode } from 'jsonc-parser';
import type { ParseError } from 'jsonc-parser';
import { RunnerError, RunnerErrorCode } from '../errors.js';

/**
 * `JSON.parse`, with a failure reported at its line and column: Node's own message gives a
 * character offset at best (and none on newer V8), useless in a 200-line config.
 * Throws `MONA_CONFIG_UNREADABLE` naming `source` (a path, `MONA_CONFIG` or `stdin`).
 *
 * @example
 * parseJsonText('{\n  "ecsCluster": "prod",\n}', 'mona.json');
 * // RunnerError: mona.json is not valid JSON: line 3, column 1: property name expected …
 */
export function parseJsonText(text: string, source: string): unknown {
  try {
    return JSON.parse(text);
  } catch (cause) {
    throw new RunnerError(RunnerErrorCode.configUnreadable, `${source} is not valid JSON: ${whereAndWhat(text, cause as Error)}`, {
      cause,
    });
  }
}

/** The first error as jsonc-parser sees it in strict JSON mode; Node's message if it sees none. */
function whereAndWhat(text: string, cause: Error): string {
  const errors: ParseError[] = [];
  parse(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  const first = errors[0];
  if (first === undefined) return `${cause.message}; check the quoting and the commas`;
  const { line, column } = lineAndColumn(text, first.offset);
  return `line ${line}, column ${column}: ${wording(printParseErrorCode(first.error))}; JSON allows no comments, trailing commas or single quotes`;
}

/** 1-based line and column of a character offset. */
function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const lineStart = before.lastIndexOf('\n') + 1;
  return { line: before.split('\n').length, column: offset - lineStart + 1 };
}

/** jsonc-parser's codes (`PropertyNameExpected`) in words (`property name expected`). */
function wording(code: string): string {
  return code.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}
