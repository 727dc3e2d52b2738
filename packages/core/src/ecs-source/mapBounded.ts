/**
 * Maps `items` through `fn` with at most `limit` calls in flight, keeping the input order.
 * `fn` should not reject (the ECS source turns failures into values); if it does, the returned
 * promise rejects after the calls already started have settled.
 *
 * @example
 * const outputs = await mapBounded(batches, 4, (batch) => describe(batch));
 */
export async function mapBounded<T, R>(items: readonly T[], limit: number, fn: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const index = next++;
      results[index] = await fn(items[index] as T, index);
    }
  };
  const workers = Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker);
  const settled = await Promise.allSettled(workers);
  const failed = settled.find((s): s is PromiseRejectedResult => s.status === 'rejected');
  if (failed) throw failed.reason;
  return results;
}
