/**
 * Coalesces writes: changes made while a write is in flight are all made durable by the next
 * single write, and each caller resolves once a write that includes its change has finished.
 * A burst of claims and outbox puts costs two writes, not one per change.
 *
 * @example
 * const commit = groupCommit(() => writeFileAtomically(path, render(), 0o600));
 * await Promise.all([change(a).then(commit), change(b).then(commit)]); // at most two writes
 */
export function groupCommit(write: () => Promise<void>): () => Promise<void> {
  let inFlight: Promise<void> | undefined;
  let queued: Promise<void> | undefined;
  const start = (): Promise<void> => {
    const current: Promise<void> = write().finally(() => {
      if (inFlight === current) inFlight = undefined;
    });
    inFlight = current;
    return current;
  };
  return () => {
    // While a follow-up is queued it already covers this change: share it.
    if (queued !== undefined) return queued;
    if (inFlight === undefined) return start();
    queued = inFlight
      .catch(() => undefined)
      .then(() => {
        queued = undefined;
        return start();
      });
    return queued;
  };
}
