import { describe, expect, it } from 'vitest';
import { isNetworkError } from './isNetworkError.js';

describe('isNetworkError', () => {
  it("knows a socket error by its own code or by fetch's cause", () => {
    // Prepare
    const reset = Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' });
    const fetchFailed = new TypeError('fetch failed', { cause: Object.assign(new Error('connect'), { code: 'UND_ERR_CONNECT_TIMEOUT' }) });
    // Act / Assess
    expect(isNetworkError(reset)).toBe(true);
    expect(isNetworkError(fetchFailed)).toBe(true);
  });

  it('counts a timeout or an abort as no answer', () => {
    expect(isNetworkError(Object.assign(new Error('t'), { name: 'TimeoutError' }))).toBe(true);
    expect(isNetworkError(Object.assign(new Error('a'), { name: 'AbortError' }))).toBe(true);
  });

  it('leaves answers, other codes and non-errors alone', () => {
    expect(isNetworkError(Object.assign(new Error('denied'), { code: 'AccessDenied' }))).toBe(false);
    expect(isNetworkError(new TypeError('fetch failed', { cause: new Error('certificate has expired') }))).toBe(false);
    expect(isNetworkError('ECONNRESET')).toBe(false);
    expect(isNetworkError(null)).toBe(false);
  });
});
