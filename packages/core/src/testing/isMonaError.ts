import type { MonaError } from '../errors.js';

/** A `MonaError` with this `code`, also from another copy of core (compared by shape). */
export function isMonaError(error: unknown, code: string): error is MonaError {
  return error instanceof Error && (error as { code?: unknown }).code === code;
}
