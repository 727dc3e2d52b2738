import { describe, expect, it } from 'vitest';
import { classifyEmailError } from './classifyEmailError.js';

/** An error shaped as nodemailer reports it. */
function mailError(code: string | undefined, responseCode?: number, response = 'server said no'): Error {
  return Object.assign(new Error(response), { code, responseCode, response: responseCode === undefined ? undefined : response });
}

describe('classifyEmailError', () => {
  it.each([
    ['a refused connection', mailError('ESOCKET')],
    ['a reset connection', Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' })],
    ['a connection timeout', mailError('ETIMEDOUT')],
    ['a closed connection', mailError('ECONNECTION')],
    ['421 service not available', mailError('EENVELOPE', 421)],
    ['450 mailbox busy', mailError('EENVELOPE', 450)],
    ['451 local error', mailError('EMESSAGE', 451)],
    ['452 insufficient storage', mailError('EENVELOPE', 452)],
    ['454 temporary auth failure', mailError('EAUTH', 454)],
    ['503 bad sequence', mailError('EPROTOCOL', 503)],
    ['an aborted send', mailError('EABORT')],
  ])('marks %s as retryable', (_label, error) => {
    // Act
    const classified = classifyEmailError(error);
    // Assess
    expect(classified.retryable).toBe(true);
    expect(classified.cause).toBe(error);
  });

  it.each([
    ['550 recipient rejected', mailError('EENVELOPE', 550), /check to\/cc/],
    ['535 authentication failed', mailError('EAUTH', 535), /transport\.auth/],
    ['553 address not allowed', mailError('EENVELOPE', 553), /check from/],
    ['554 policy rejection', mailError('EMESSAGE', 554), /mail administrator/],
    ['EAUTH without a reply code', mailError('EAUTH'), /transport\.auth/],
    ['missing credentials', mailError('ENOAUTH'), /add transport\.auth/],
    ['a TLS failure', mailError('ETLS'), /tls/i],
  ])('marks %s as not retryable and says what to fix', (_label, error, fix) => {
    // Act
    const classified = classifyEmailError(error);
    // Assess
    expect(classified.retryable).toBe(false);
    expect(classified.message).toMatch(fix);
  });

  it('treats any failure after the attempt was aborted as retryable', () => {
    // Prepare
    const controller = new AbortController();
    controller.abort();
    // Act
    const classified = classifyEmailError(mailError('ESOCKET'), controller.signal);
    // Assess
    expect(classified.retryable).toBe(true);
    expect(classified.message).toMatch(/aborted/);
  });
});
