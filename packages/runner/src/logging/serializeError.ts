import { stdSerializers } from 'pino';

/** Causes followed at most: a cycle or a very deep chain stops here. */
const MAX_CAUSES = 10;

/**
 * pino's error serializer, with each cause's message appended only when the message does not
 * already say it. Our errors (and the senders') quote their cause (`slack webhook failed:
 * connect ECONNREFUSED 127.0.0.1:9`), and pino appends every cause, so the log repeated it
 * (`…: connect ECONNREFUSED 127.0.0.1:9: connect ECONNREFUSED 127.0.0.1:9`).
 *
 * @example
 * pino({ serializers: { err: serializeError } });
 */
export function serializeError(err: unknown): unknown {
  if (!(err instanceof Error)) return stdSerializers.err(err as Error);
  const serialized = stdSerializers.err(err);
  return { ...serialized, message: messageWithNewCauses(err) };
}

function messageWithNewCauses(err: Error): string {
  let message = err.message;
  let cause: unknown = err.cause;
  for (let i = 0; i < MAX_CAUSES && cause instanceof Error; i += 1) {
    if (cause.message !== '' && !message.includes(cause.message)) message += `: ${cause.message}`;
    cause = cause.cause;
  }
  return message;
}
