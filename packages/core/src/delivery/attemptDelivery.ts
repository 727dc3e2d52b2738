import { SenderError } from '../errors.js';
import type { Notification } from '../model/notification.js';
import type { Sender } from '../sender/types.js';
import type { DeliveryTimers } from './deliveryOptions.js';

/** Outcome of one attempt. `cancelled`: the queue gave up on it (closed, or evicted by overflow). */
export type AttemptResult = { ok: true } | { ok: false; error: unknown; cancelled: boolean };

const OK = Symbol('ok');
const TIMEOUT = Symbol('timeout');
const CANCELLED = Symbol('cancelled');

/**
 * One call of `sender.send`, bounded by `timeoutMs`. The attempt's signal aborts at the timeout
 * or when `cancel` aborts; the queue stops waiting at that moment even if the sender ignores the
 * signal and hangs (its late outcome is discarded). Never rejects: a thrown error is a result.
 *
 * @example
 * const result = await attemptDelivery(sender, notification, 10_000, realTimers, entry.cancel.signal);
 */
export async function attemptDelivery(
  sender: Sender,
  notification: Notification,
  timeoutMs: number,
  timers: DeliveryTimers,
  cancel: AbortSignal,
): Promise<AttemptResult> {
  if (cancel.aborted) return { ok: false, error: cancel.reason, cancelled: true };
  const controller = new AbortController();
  const stopTimer = new AbortController();
  const onCancel = (): void => controller.abort(cancel.reason);
  cancel.addEventListener('abort', onCancel, { once: true });
  // Deferred so that a sender throwing synchronously is handled like a rejection.
  const sending = Promise.resolve().then(() => sender.send(notification, controller.signal));
  sending.catch(() => undefined); // an abandoned attempt may still reject later: nobody listens then
  const cancelled = new Promise<typeof CANCELLED>((resolve) => {
    cancel.addEventListener('abort', () => resolve(CANCELLED), { once: true });
  });
  try {
    const winner = await Promise.race([sending.then(() => OK), timers.sleep(timeoutMs, stopTimer.signal).then(() => TIMEOUT), cancelled]);
    if (winner === OK) return { ok: true };
    if (winner === CANCELLED) return { ok: false, error: cancel.reason, cancelled: true };
    const error = new SenderError(`attempt timed out after ${timeoutMs} ms`, { retryable: true, code: 'MONA_SEND_TIMEOUT' });
    controller.abort(error);
    return { ok: false, error, cancelled: false };
  } catch (error) {
    return { ok: false, error, cancelled: cancel.aborted };
  } finally {
    stopTimer.abort();
    cancel.removeEventListener('abort', onCancel);
  }
}
