import { describe, expect, it } from 'vitest';
import { LruMap } from './LruMap.js';

describe('LruMap', () => {
  it('evicts the least recently used entry when full', () => {
    // Prepare
    const map = new LruMap<string, number>(2);
    map.set('a', 1);
    map.set('b', 2);

    // Act
    map.get('a');
    map.set('c', 3);

    // Assess
    expect(map.has('a')).toBe(true);
    expect(map.has('b')).toBe(false);
    expect(map.get('c')).toBe(3);
    expect(map.size).toBe(2);
  });

  it('never holds more than its capacity', () => {
    // Prepare
    const map = new LruMap<number, number>(10);

    // Act
    for (let i = 0; i < 1000; i += 1) map.set(i, i);

    // Assess
    expect(map.size).toBe(10);
    expect(map.get(999)).toBe(999);
    expect(map.get(989)).toBeUndefined();
  });

  it('replaces the value of an existing key without growing', () => {
    // Prepare
    const map = new LruMap<string, number>(3);
    map.set('a', 1);

    // Act
    map.set('a', 2);

    // Assess
    expect(map.get('a')).toBe(2);
    expect(map.size).toBe(1);
  });

  it('refuses a capacity that is not a positive integer', () => {
    // Prepare, Act, Assess
    expect(() => new LruMap(0)).toThrow(RangeError);
  });
});
