import { describe, expect, it } from 'vitest';
import { collectLookups } from './collectLookups.js';

describe('collectLookups', () => {
  it('merges every lookup into the known context', async () => {
    // Act
    const context = await collectLookups(
      { serviceEvents: ['x'] },
      [
        { name: 'a', run: () => Promise.resolve({ stoppedCount: 1 }) },
        { name: 'b', run: () => Promise.resolve({ deployedBy: 'jane' }) },
      ],
      new AbortController().signal,
      undefined,
    );
    // Assess
    expect(context).toEqual({ serviceEvents: ['x'], stoppedCount: 1, deployedBy: 'jane' });
  });

  it('answers at once on abort with what is known and names the unfinished lookups', async () => {
    // Prepare
    const controller = new AbortController();
    const done = collectLookups(
      {},
      [
        { name: 'fast', run: () => Promise.resolve({ stoppedCount: 2 }) },
        { name: 'hung', run: () => new Promise(() => undefined) },
      ],
      controller.signal,
      undefined,
    );
    await Promise.resolve();
    await Promise.resolve();
    // Act
    controller.abort();
    const context = await done;
    // Assess
    expect(context).toEqual({ stoppedCount: 2, incomplete: ['hung'] });
  });

  it('is undefined when there is nothing to add', async () => {
    // Act
    const context = await collectLookups({}, [{ name: 'a', run: () => Promise.resolve({}) }], new AbortController().signal, undefined);
    // Assess
    expect(context).toBeUndefined();
  });
});
