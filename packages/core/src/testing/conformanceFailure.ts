import { MonaError } from '../errors.js';

/**
 * A failed conformance check: what the sender does wrong, in words an author can act on.
 * Thrown by the checks without any test framework, so they run under any runner (or none).
 */
export class ConformanceFailure extends MonaError {
  constructor(message: string) {
    super('MONA_CONFORMANCE_FAILED', message);
    this.name = 'ConformanceFailure';
  }
}

/**
 * Throw a `ConformanceFailure` with `message` unless `condition` holds.
 *
 * @example
 * ensure(error.retryable, 'a 503 answer must be retryable');
 */
export function ensure(condition: unknown, message: string): asserts condition {
  if (!condition) throw new ConformanceFailure(message);
}
