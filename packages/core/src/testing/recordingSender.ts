import { SenderError } from '../errors.js';
import type { Notification } from '../model/notification.js';
import type { Sender } from '../sender/types.js';

/** How the recording sender answers one attempt. */
export type RecordingStep = 'ok' | 'hang' | 'hangIgnoringSignal' | { throws: unknown };

/** One call of `send`, whatever its outcome. */
export interface RecordedAttempt {
  notification: Notification;
  step: RecordingStep;
}

/** A fake `Sender` that records what it is given and answers from a script. */
export interface RecordingSender extends Sender {
  /** Notifications accepted, in order. */
  readonly sent: Notification[];
  /** Every call of `send`, accepted or not. */
  readonly attempts: RecordedAttempt[];
  /** How many times `close` was called. */
  readonly closeCalls: number;
  /** The next `count` attempts throw `error` (default: a retryable `SenderError`). */
  failNext(count?: number, error?: unknown): RecordingSender;
  /** The next `count` attempts throw a non-retryable `SenderError` (a rejected payload). */
  rejectNext(count?: number): RecordingSender;
  /** The next `count` attempts never answer; they reject on abort unless `ignoreSignal`. */
  hangNext(count?: number, options?: { ignoreSignal?: boolean }): RecordingSender;
  /** Resolves once `count` notifications were accepted. */
  untilSent(count: number): Promise<void>;
  close(): Promise<void>;
}

/**
 * A scriptable, recording `Sender`. Without a script every attempt succeeds.
 *
 * @example
 * const sender = recordingSender().failNext(2).rejectNext();
 * const queue = createDeliveryQueue(sender, { name: 'test' });
 * queue.enqueue(notification);
 * await queue.drain(60_000);
 * expect(sender.attempts).toHaveLength(3);
 */
export function recordingSender(): RecordingSender {
  const script: RecordingStep[] = [];
  const waiters: Array<{ count: number; resolve: () => void }> = [];
  let closeCalls = 0;

  const push = (count: number, step: RecordingStep): RecordingSender => {
    for (let i = 0; i < count; i += 1) script.push(step);
    return self;
  };

  const self: RecordingSender = {
    sent: [],
    attempts: [],
    get closeCalls() {
      return closeCalls;
    },
    failNext: (count = 1, error = new SenderError('scripted failure', { retryable: true })) => push(count, { throws: error }),
    rejectNext: (count = 1) => push(count, { throws: new SenderError('scripted rejection', { retryable: false }) }),
    hangNext: (count = 1, options = {}) => push(count, options.ignoreSignal ? 'hangIgnoringSignal' : 'hang'),
    untilSent: (count) => (self.sent.length >= count ? Promise.resolve() : new Promise((resolve) => waiters.push({ count, resolve }))),
    async send(notification, signal) {
      const step = script.shift() ?? 'ok';
      self.attempts.push({ notification, step });
      await answer(step, signal);
      self.sent.push(notification);
      for (const waiter of waiters.filter((w) => self.sent.length >= w.count)) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve();
      }
    },
    close() {
      closeCalls += 1;
      return Promise.resolve();
    },
  };
  return self;
}

function answer(step: RecordingStep, signal: AbortSignal): Promise<void> {
  if (step === 'ok') return Promise.resolve();
  if (step === 'hangIgnoringSignal') return new Promise<void>(() => undefined);
  if (step === 'hang') {
    return new Promise<void>((_resolve, reject) => {
      if (signal.aborted) reject(signal.reason);
      signal.addEventListener('abort', () => reject(signal.reason), { once: true });
    });
  }
  return Promise.reject(step.throws);
}
