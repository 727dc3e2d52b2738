import { abortable } from '../abortable.js';
import { SenderError, isSenderError } from '../errors.js';
import type { Sender } from './types.js';

/** The original mona's sender: anything with `send(message)`; may return a promise. */
export interface MessageSender {
  send(message: string): unknown;
  close?(): unknown;
}

/**
 * Adapt one of the original mona's `{ send(message) }` senders to the `Sender` contract. It
 * receives `notification.text` only. A `SenderError` it throws keeps its classification; any
 * other error is treated as a retryable network-style failure, because the original's senders
 * never classified errors and most of their failures were transient HTTP errors.
 *
 * @example
 * const queue = createDeliveryQueue(fromMessageSender({ send: (text) => console.log(text) }));
 */
export function fromMessageSender(legacy: MessageSender): Sender {
  let closing: Promise<void> | undefined;
  return {
    async send(notification, signal) {
      signal.throwIfAborted();
      try {
        // The legacy function cannot be cancelled; the adapter stops waiting for it instead.
        await abortable(
          Promise.resolve().then(() => legacy.send(notification.text)),
          signal,
        );
      } catch (error) {
        if (isSenderError(error)) throw error;
        throw new SenderError(`message sender failed: ${messageOf(error)}`, { retryable: true, cause: error });
      }
    },
    close() {
      // Idempotent as the contract requires, even if the legacy close is not.
      closing ??= Promise.resolve().then(async () => {
        await legacy.close?.();
      });
      return closing;
    },
  };
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
