/**
 * Errors of @mona-ecs/core. Every error has a stable `code` (documented in the core README) and
 * keeps its `cause`.
 */
export class MonaError extends Error {
  readonly code: string;
  constructor(code: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'MonaError';
    this.code = code;
  }
}

/**
 * Thrown by a sender to classify a failed delivery. The delivery queue owns the retry policy:
 * a sender only says whether trying again can help and, if the service said so, when.
 *
 * @example
 * if (res.status === 429) throw new SenderError('Slack rate limit', { retryable: true, retryAfterMs: 30_000 });
 * if (res.status === 404) throw new SenderError('webhook URL no longer exists: create a new one', { retryable: false });
 */
export class SenderError extends MonaError {
  readonly retryable: boolean;
  readonly retryAfterMs?: number;
  constructor(message: string, options: { retryable: boolean; retryAfterMs?: number; cause?: unknown; code?: string }) {
    super(options.code ?? (options.retryable ? 'MONA_SEND_RETRYABLE' : 'MONA_SEND_FAILED'), message, {
      cause: options.cause,
    });
    this.name = 'SenderError';
    this.retryable = options.retryable;
    if (options.retryAfterMs !== undefined) this.retryAfterMs = options.retryAfterMs;
  }
}

/** Duck-typed check, so a SenderError from another copy of @mona-ecs/core is still recognised. */
export function isSenderError(error: unknown): error is SenderError {
  return error instanceof Error && typeof (error as { retryable?: unknown }).retryable === 'boolean';
}
