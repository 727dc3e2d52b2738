/**
 * Settles with `work`, or rejects with an `AbortError` as soon as `signal` aborts, whichever comes
 * first: stop waiting for work that cannot be cancelled, or that others still wait for. For
 * senders: the SDK honours `abortSignal` on the HTTP request, but not while it resolves
 * credentials or endpoints (an IMDS or SSO lookup can hang), and an injected client may ignore it.
 *
 * @example
 * await abortable(client.send(command, { abortSignal: signal }), signal);
 */
export function abortable<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) {
    work.catch(() => undefined); // the late outcome of abandoned work is of no interest
    return Promise.reject(abortError(signal));
  }
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(abortError(signal));
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}

function abortError(signal: AbortSignal): Error {
  const reason: unknown = signal.reason;
  const detail = reason instanceof Error ? reason.message : 'aborted';
  return Object.assign(new Error(`request aborted: ${detail}`), { name: 'AbortError', cause: reason });
}
