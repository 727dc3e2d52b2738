import { describe, expect, it } from 'vitest';
import { createPacer } from './pacer.js';

describe('createPacer', () => {
  it('spaces sends by 1 / messagesPerSecond after the burst', () => {
    const pacer = createPacer({ messagesPerSecond: 2, burst: 2 });

    pacer.take(0);
    const afterOne = pacer.waitMs(0);
    pacer.take(0);
    const afterBurst = pacer.waitMs(0);
    const later = pacer.waitMs(500);

    expect([afterOne, afterBurst, later]).toEqual([0, 500, 0]);
  });

  it('refills no more than the burst after a quiet period', () => {
    const pacer = createPacer({ messagesPerSecond: 1, burst: 1 });

    pacer.take(0);
    pacer.waitMs(60_000);
    pacer.take(60_000);

    expect(pacer.waitMs(60_000)).toBe(1_000);
  });

  it('never waits when unpaced', () => {
    const pacer = createPacer(undefined);

    for (let i = 0; i < 5; i += 1) pacer.take(0);

    expect(pacer.waitMs(0)).toBe(0);
  });
});
