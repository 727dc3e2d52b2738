import { SenderError } from '@mona-ecs/core';

/**
 * A request that got no HTTP answer: refused, reset, DNS, TLS or a timeout. All may heal (the
 * request may not even have reached the service), so all are retryable; TLS certificate
 * failures too, since the queue's attempt limit bounds them and a rotated certificate heals.
 *
 * @example
 * throw classifyNetworkError(error, 'discord.com', signal);
 */
export function classifyNetworkError(error: unknown, host: string, signal: AbortSignal, timedOut: boolean): SenderError {
  const cause = (error as { cause?: { code?: unknown; message?: unknown } }).cause;
  const code = typeof cause?.code === 'string' ? cause.code : (error as { code?: unknown }).code;
  const detail = typeof code === 'string' ? code : ((error as Error).message ?? String(error));
  if (signal.aborted || timedOut || (error as Error).name === 'TimeoutError' || (error as Error).name === 'AbortError') {
    return new SenderError(`webhook request to ${host} timed out or was aborted`, {
      retryable: true,
      code: 'MONA_WEBHOOK_TIMEOUT',
      cause: error,
    });
  }
  return new SenderError(`webhook request to ${host} failed without an answer (${detail}): check the network, proxy or url host`, {
    retryable: true,
    code: 'MONA_WEBHOOK_UNREACHABLE',
    cause: error,
  });
}
