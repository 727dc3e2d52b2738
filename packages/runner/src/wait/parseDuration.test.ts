import { describe, expect, it } from 'vitest';
import { parseDuration } from './parseDuration.js';

describe('parseDuration', () => {
  it.each([
    ['90', 90_000],
    ['90s', 90_000],
    ['15m', 900_000],
    ['1h', 3_600_000],
    ['500ms', 500],
    ['1m30s', 90_000],
    ['0.5s', 500],
  ])('reads %s as %i ms', (text, expected) => {
    // Act
    const ms = parseDuration(text, '--timeout');

    // Assess
    expect(ms).toBe(expected);
  });

  it.each(['', 'soon', '10x', '-5s', '0', '5 m'])('refuses %j with a usage error naming the flag', (text) => {
    // Act
    const act = () => parseDuration(text, '--timeout');

    // Assess
    expect(act).toThrow(expect.objectContaining({ code: 'MONA_USAGE', message: expect.stringContaining('--timeout') }));
  });
});
