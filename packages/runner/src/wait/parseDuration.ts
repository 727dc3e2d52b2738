import { RunnerError, RunnerErrorCode } from '../errors.js';

const UNIT_MS: Readonly<Record<string, number>> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };
const DURATION = /^(\d+(?:\.\d+)?)(ms|s|m|h)?$/;

/**
 * Milliseconds of a duration flag: `90` or `90s` (seconds), `15m`, `1h`, `500ms`, `1m30s`.
 * A bare number is seconds, like the AWS CLI's waiters count. Anything else is a usage error.
 *
 * @example
 * parseDuration('15m', '--timeout'); // 900000
 */
export function parseDuration(text: string, flag: string): number {
  const parts = text.trim().match(/\d+(?:\.\d+)?[a-z]*/g);
  if (!parts || parts.join('') !== text.trim()) throw badDuration(text, flag);
  let total = 0;
  for (const part of parts) {
    const match = DURATION.exec(part);
    if (!match) throw badDuration(text, flag);
    total += Number(match[1]) * (UNIT_MS[match[2] ?? 's'] ?? 1000);
  }
  if (!Number.isFinite(total) || total <= 0) throw badDuration(text, flag);
  return total;
}

function badDuration(text: string, flag: string): RunnerError {
  return new RunnerError(RunnerErrorCode.usage, `${flag} "${text}" is not a duration; write e.g. 90s, 15m, 1h or 1m30s`);
}
