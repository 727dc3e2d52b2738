import { describe, expect, it } from 'vitest';
import { classifyResponse, parseRetryAfter } from './classifyResponse.js';

describe('classifyResponse', () => {
  it.each([
    [500, true],
    [503, true],
    [429, true],
    [408, true],
    [400, false],
    [401, false],
    [404, false],
  ])('classifies HTTP %i as retryable=%s', (status, retryable) => {
    // Act
    const error = classifyResponse(status, null, 0);

    // Assess
    expect(error.retryable).toBe(retryable);
    expect(error.message).toContain(String(status));
  });
});

describe('parseRetryAfter', () => {
  it('reads seconds and HTTP dates, and ignores garbage', () => {
    // Prepare
    const now = Date.parse('2026-01-01T00:00:00Z');

    // Act
    const values = [
      parseRetryAfter('12', now),
      parseRetryAfter('Thu, 01 Jan 2026 00:01:00 GMT', now),
      parseRetryAfter('soon', now),
      parseRetryAfter(null, now),
    ];

    // Assess
    expect(values).toEqual([12_000, 60_000, undefined, undefined]);
  });
});
