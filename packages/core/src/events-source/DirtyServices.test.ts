import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ClusterRef, SweepOutcome } from '../model/snapshot.js';
import { buildService, buildSnapshot } from '../testing/builders.js';
import { DirtyServices } from './DirtyServices.js';

const PROD: ClusterRef = { cluster: 'prod', region: 'eu-west-1' };

function setup(describe: (ref: ClusterRef, names: readonly string[]) => Promise<SweepOutcome>) {
  const emitted: SweepOutcome[] = [];
  const calls: string[][] = [];
  const dirty = new DirtyServices({
    windowMs: 50,
    describe: (ref, names) => {
      calls.push([...names]);
      return describe(ref, names);
    },
    emit: (outcome) => emitted.push(outcome),
    now: () => Date.now(),
  });
  return { dirty, emitted, calls };
}

const answering = (ref: ClusterRef, names: readonly string[]) =>
  Promise.resolve(
    buildSnapshot({ cluster: ref.cluster, region: ref.region, services: names.map((name) => buildService({ name })), interim: true }),
  );

afterEach(() => vi.useRealTimers());

describe('DirtyServices', () => {
  it('describes nothing before the baseline, then every dirty service in one describe', async () => {
    vi.useFakeTimers();
    const { dirty, calls } = setup(answering);
    const marks = [dirty.mark(PROD, 'api'), dirty.mark(PROD, 'web'), dirty.mark(PROD, 'api')];
    await vi.advanceTimersByTimeAsync(500);
    expect(calls).toEqual([]);

    dirty.baselined(PROD);
    await vi.advanceTimersByTimeAsync(60);

    expect(calls).toEqual([['api', 'web']]);
    expect(await Promise.all(marks)).toEqual([true, true, true]);
  });

  it('gathers marks within the window and keeps one describe per cluster in flight', async () => {
    vi.useFakeTimers();
    let release: () => void = () => {};
    const { dirty, calls } = setup(async (ref, names) => {
      await new Promise<void>((resolve) => (release = resolve));
      return answering(ref, names);
    });
    dirty.baselined(PROD);
    void dirty.mark(PROD, 'a');
    await vi.advanceTimersByTimeAsync(60);
    void dirty.mark(PROD, 'b');
    void dirty.mark(PROD, 'c');
    await vi.advanceTimersByTimeAsync(200);
    expect(calls).toEqual([['a']]);

    release();
    await vi.advanceTimersByTimeAsync(60);

    expect(calls).toEqual([['a'], ['b', 'c']]);
  });

  it('resolves false for a service the describe could not read, so its message comes back', async () => {
    vi.useFakeTimers();
    const { dirty, emitted } = setup((ref) =>
      Promise.resolve(
        buildSnapshot({ cluster: ref.cluster, region: ref.region, services: [buildService({ name: 'api' })], interim: true }),
      ),
    );
    dirty.baselined(PROD);
    const marks = [dirty.mark(PROD, 'api'), dirty.mark(PROD, 'lost')];
    await vi.advanceTimersByTimeAsync(60);

    expect(await Promise.all(marks)).toEqual([true, false]);
    expect(emitted).toHaveLength(1);
  });

  it('resolves false for every service of a failed describe, and for waiting marks on close', async () => {
    vi.useFakeTimers();
    const { dirty } = setup(() => Promise.reject(new Error('boom')));
    dirty.baselined(PROD);
    const failed = dirty.mark(PROD, 'api');
    await vi.advanceTimersByTimeAsync(60);
    const waiting = dirty.mark({ cluster: 'other', region: 'eu-west-1' }, 'web');

    dirty.close();

    expect(await failed).toBe(false);
    expect(await waiting).toBe(false);
    expect(await dirty.mark(PROD, 'late')).toBe(false);
  });
});
