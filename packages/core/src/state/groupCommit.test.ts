import { describe, expect, it } from 'vitest';
import { groupCommit } from './groupCommit.js';

describe('groupCommit', () => {
  it('makes a burst of changes durable with two writes, each caller resolving after a write that covers it', async () => {
    // Prepare
    const writes: number[] = [];
    let changes = 0;
    let finish: (() => void) | undefined;
    const commit = groupCommit(
      () =>
        new Promise<void>((resolve) => {
          writes.push(changes);
          finish = resolve;
        }),
    );
    // Act
    changes = 1;
    const first = commit();
    changes = 5;
    const rest = [commit(), commit(), commit(), commit()];
    finish?.();
    await first;
    await new Promise((r) => setTimeout(r, 0));
    finish?.();
    await Promise.all(rest);
    // Assess
    expect(writes).toEqual([1, 5]);
  });

  it('passes a failed write to its callers and still writes the next change', async () => {
    let fail = true;
    const commit = groupCommit(async () => {
      if (fail) throw new Error('disk full');
    });
    await expect(commit()).rejects.toThrow('disk full');
    fail = false;
    await expect(commit()).resolves.toBeUndefined();
  });
});
