import { describe, expect, it } from 'vitest';
import { SenderError } from '../errors.js';
import { retryDecision } from './retryDecision.js';

const options = { maxAttempts: Number.POSITIVE_INFINITY, maxAgeMs: 900_000, baseDelayMs: 1_000, maxDelayMs: 30_000, random: () => 1 };

describe('retryDecision', () => {
  it('keeps retrying after any number of attempts while the age limit allows', () => {
    const decision = retryDecision(new Error('ECONNRESET'), { attempts: 40, enqueuedAt: 0 }, 60_000, options);

    expect(decision).toEqual({ retry: true, delayMs: 30_000 });
  });

  it('cuts the last backoff short so the last attempt is at the age limit', () => {
    const decision = retryDecision(new Error('ECONNRESET'), { attempts: 40, enqueuedAt: 0 }, 890_000, options);

    expect(decision).toEqual({ retry: true, delayMs: 10_000 });
  });

  it('honours a Retry-After that ends within the age limit, past the backoff cap', () => {
    const error = new SenderError('429', { retryable: true, retryAfterMs: 600_000 });

    expect(retryDecision(error, { attempts: 1, enqueuedAt: 0 }, 0, options)).toEqual({ retry: true, delayMs: 600_000 });
  });

  it('gives up at once on a Retry-After past the age limit, naming the wait and the limit', () => {
    const error = new SenderError('429', { retryable: true, retryAfterMs: 3_600_000 });

    const decision = retryDecision(error, { attempts: 1, enqueuedAt: 0 }, 60_000, options);

    expect(decision).toEqual({
      retry: false,
      reason: 'the channel asked to wait 3600 s (Retry-After), beyond the age limit (840 s left of 900 s)',
    });
  });

  it('gives up on a non-retryable error', () => {
    const error = new SenderError('invalid_payload', { retryable: false });

    expect(retryDecision(error, { attempts: 1, enqueuedAt: 0 }, 0, options)).toEqual({ retry: false, reason: 'not retryable' });
  });
});
