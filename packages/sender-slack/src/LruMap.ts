/**
 * A Map that keeps only its `capacity` most recently used entries. The bot sender keeps one
 * thread per deployment in it, so a monitor that runs for months does not grow without bound:
 * a deployment evicted after `capacity` newer ones simply starts a new thread if it ever
 * speaks again.
 *
 * @example
 * const threads = new LruMap<string, string>(2);
 * threads.set('a', '1'); threads.set('b', '2'); threads.get('a'); threads.set('c', '3');
 * threads.has('b'); // false: the least recently used entry went
 */
export class LruMap<K, V> {
  readonly #entries = new Map<K, V>();
  readonly capacity: number;

  constructor(capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError(`LruMap capacity must be a positive integer, got ${capacity}`);
    this.capacity = capacity;
  }

  get size(): number {
    return this.#entries.size;
  }

  has(key: K): boolean {
    return this.#entries.has(key);
  }

  /** Read an entry and mark it as most recently used. */
  get(key: K): V | undefined {
    if (!this.#entries.has(key)) return undefined;
    const value = this.#entries.get(key) as V;
    // Map keeps insertion order: re-inserting moves the key to the young end.
    this.#entries.delete(key);
    this.#entries.set(key, value);
    return value;
  }

  set(key: K, value: V): void {
    this.#entries.delete(key);
    this.#entries.set(key, value);
    if (this.#entries.size > this.capacity) {
      const oldest = this.#entries.keys().next();
      if (oldest.done !== true) this.#entries.delete(oldest.value);
    }
  }

  clear(): void {
    this.#entries.clear();
  }
}
