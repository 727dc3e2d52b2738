import { describe, expect, it } from 'vitest';
import { mapBounded } from './mapBounded.js';

describe('mapBounded', () => {
  it('keeps the input order whatever order the calls finish in', async () => {
    // Prepare: later items finish first
    const items = [3, 2, 1, 0];
    // Act
    const out = await mapBounded(items, 4, async (n) => {
      for (let i = 0; i < n; i++) await Promise.resolve();
      return n * 10;
    });
    // Assess
    expect(out).toEqual([30, 20, 10, 0]);
  });

  it('rejects once the calls already started have settled when one call rejects', async () => {
    // Prepare
    const settled: number[] = [];
    // Act
    const run = mapBounded([1, 2, 3], 2, async (n) => {
      await Promise.resolve();
      if (n === 1) throw new Error('boom');
      settled.push(n);
      return n;
    });
    // Assess
    await expect(run).rejects.toThrow('boom');
    expect(settled).toContain(2);
  });

  it('returns an empty array for no items', async () => {
    // Act / Assess
    await expect(mapBounded([], 4, async (n: number) => n)).resolves.toEqual([]);
  });
});
