import { isSenderError, type SenderError } from '../errors.js';
import type { ConformanceSession } from './conformanceChecks.js';
import { ConformanceFailure, ensure } from './conformanceFailure.js';
import { sampleNotifications } from './sampleNotifications.js';
import type { ChannelMode, VariedMode } from './senderHarness.js';

/** Bound for waiting on a sender whose signal was aborted; generous, it only stops a hung check. */
const ABORT_GRACE_MS = 5_000;
/** An HTTP date has whole seconds: a `Retry-After` date is read up to a second short. */
const RETRY_AFTER_TOLERANCE_MS = 2_000;

/** The failure of one send on a fresh sender, with the channel in `mode`. */
async function failureOf<O>(session: ConformanceSession<O>, mode: ChannelMode, variant?: string): Promise<unknown> {
  await session.harness.respond(mode, variant);
  const created = await session.sender();
  try {
    await created.send(firstNotification(session), new AbortController().signal);
  } catch (error) {
    return error;
  }
  throw new ConformanceFailure(`send resolved, but the channel answered ${label(mode, variant)}: it must throw a SenderError`);
}

function label(mode: ChannelMode, variant: string | undefined): string {
  return variant === undefined ? mode : `${mode} (${variant})`;
}

function classified(error: unknown, mode: ChannelMode, variant: string | undefined): SenderError {
  ensure(isSenderError(error), `a ${label(mode, variant)} answer must throw a SenderError, got ${String(error)}`);
  ensure(error.message !== '', `the SenderError for a ${label(mode, variant)} answer has no message`);
  return error;
}

function variantsOf<O>(session: ConformanceSession<O>, mode: VariedMode): Array<string | undefined> {
  const variants = session.harness.variants[mode] ?? [];
  return variants.length > 0 ? [...variants] : [undefined];
}

export async function checkServerErrors<O>(session: ConformanceSession<O>): Promise<void> {
  for (const variant of variantsOf(session, 'serverError')) {
    const error = classified(await failureOf(session, 'serverError', variant), 'serverError', variant);
    ensure(error.retryable, `a ${label('serverError', variant)} answer must be retryable: the service may recover`);
  }
}

export async function checkRejections<O>(session: ConformanceSession<O>): Promise<void> {
  const variants = session.harness.variants.rejected ?? [];
  ensure(
    variants.length >= 2,
    'the harness must make the fake reject in at least two ways (variants.rejected, e.g. 400, 401, 403, 404 for HTTP): one status proves little',
  );
  for (const variant of variants) {
    const error = classified(await failureOf(session, 'rejected', variant), 'rejected', variant);
    ensure(
      !error.retryable,
      `a rejected answer must be not retryable, but ${variant} was retryable: only 408, 429 and 5xx may heal, retrying a bad payload or credential only delays the fix`,
    );
  }
}

export async function checkRateLimited<O>(session: ConformanceSession<O>): Promise<void> {
  const expected = session.harness.retryAfterMs;
  ensure(expected !== undefined, 'the harness must give retryAfterMs: the wait its fake asks for, or null if the channel never says');
  for (const variant of variantsOf(session, 'rateLimited')) {
    const error = classified(await failureOf(session, 'rateLimited', variant), 'rateLimited', variant);
    ensure(error.retryable, `a ${label('rateLimited', variant)} answer must be retryable`);
    if (expected === null) continue;
    const got = error.retryAfterMs;
    ensure(
      got !== undefined && Math.abs(got - expected) <= RETRY_AFTER_TOLERANCE_MS,
      `Retry-After ignored: the channel asked to wait ${expected} ms (${variant ?? 'rateLimited'}), the SenderError says retryAfterMs ${String(got)}; read Retry-After (seconds or an HTTP date)`,
    );
  }
}

export async function checkNetworkErrors<O>(session: ConformanceSession<O>): Promise<void> {
  for (const mode of ['refused', 'reset'] as const) {
    const error = classified(await failureOf(session, mode), mode, undefined);
    ensure(error.retryable, `a network error (connection ${mode}) must be retryable: the request may not have reached the channel`);
  }
  const timedOut = await abortedSend(session);
  ensure(
    timedOut !== 'resolved' && timedOut !== 'hung',
    `a send whose signal aborted (timeout) ${timedOut === 'hung' ? 'did not give up' : 'resolved'}: it must reject`,
  );
  const error = classified(timedOut.error, 'hang', 'timeout');
  ensure(error.retryable, 'a timed-out send (signal aborted) must be retryable: the channel may only be slow');
}

export async function checkAbort<O>(session: ConformanceSession<O>): Promise<void> {
  const outcome = await abortedSend(session);
  ensure(outcome !== 'hung', `send did not give up within ${ABORT_GRACE_MS} ms of its signal aborting`);
  ensure(outcome !== 'resolved', 'send resolved although its signal aborted and the channel never answered');
}

export async function checkSecrets<O>(session: ConformanceSession<O>): Promise<void> {
  const secrets = [...(session.harness.secrets ?? []), ...secretValues(await session.harness.validOptions())].filter((s) => s.length >= 6);
  const failures: Array<[string, unknown]> = [];
  for (const mode of ['serverError', 'rateLimited', 'rejected'] as const) {
    for (const variant of variantsOf(session, mode)) failures.push([label(mode, variant), await failureOf(session, mode, variant)]);
  }
  for (const mode of ['refused', 'reset'] as const) failures.push([mode, await failureOf(session, mode)]);
  for (const [what, error] of failures) {
    const text = messagesOf(error);
    for (const secret of secrets) {
      ensure(
        !text.includes(secret),
        `a secret from the options reached an error message (${what}): errors are logged; name the host, never the URL path, token or key`,
      );
    }
  }
}

async function abortedSend<O>(session: ConformanceSession<O>): Promise<'resolved' | 'hung' | { error: unknown }> {
  await session.harness.respond('hang');
  const created = await session.sender();
  const controller = new AbortController();
  const sending = created.send(firstNotification(session), controller.signal);
  controller.abort(new DOMException('attempt timed out', 'TimeoutError'));
  let guard: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      sending.then(
        () => 'resolved' as const,
        (error: unknown) => ({ error }),
      ),
      new Promise<'hung'>((resolve) => {
        guard = setTimeout(() => resolve('hung'), ABORT_GRACE_MS);
      }),
    ]);
  } finally {
    clearTimeout(guard);
  }
}

/** The message of an error and of its causes (a logger prints them all). */
function messagesOf(error: unknown): string {
  const parts: string[] = [];
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current !== undefined && current !== null; depth += 1) {
    parts.push(current instanceof Error ? `${current.message} ${current.stack ?? ''}` : String(current));
    current = current instanceof Error ? current.cause : undefined;
  }
  return parts.join('\n');
}

/** String option values under keys that name a credential. */
function secretValues(options: unknown, key = ''): string[] {
  if (typeof options === 'string')
    return /token|secret|password|pass$|apikey|api_key|authorization|routingkey|integrationkey/i.test(key) ? [options] : [];
  if (typeof options !== 'object' || options === null) return [];
  return Object.entries(options).flatMap(([k, v]) => secretValues(v, k));
}

/** The first sample the sender is meant to send (not of a type its harness says it ignores). */
function firstNotification<O>(session: ConformanceSession<O>) {
  const ignored = new Set(session.harness.ignores ?? []);
  const first = sampleNotifications().find((n) => !ignored.has(n.event.type));
  if (first === undefined) throw new Error('sampleNotifications() is empty');
  return first;
}
