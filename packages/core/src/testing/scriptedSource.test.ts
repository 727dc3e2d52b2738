import { describe, expect, it } from 'vitest';
import type { ClusterSnapshot } from '../model/snapshot.js';
import { scriptedSource } from './scriptedSource.js';

const prod = { cluster: 'prod', region: 'eu-west-1' };
function snapshot(observedAt: number): ClusterSnapshot {
  return { kind: 'snapshot', cluster: 'prod', region: 'eu-west-1', observedAt, services: [], missing: [] };
}

describe('scriptedSource', () => {
  it('answers each tick with its scripted outcome and records the calls', async () => {
    const source = scriptedSource({ prod: [snapshot(1), snapshot(2)] });

    const outcomes = [await source.sweep(prod, 0), await source.sweep(prod, 1)];

    expect(outcomes.map((o) => o.observedAt)).toEqual([1, 2]);
    expect(source.calls).toEqual([
      { cluster: 'prod', tick: 0 },
      { cluster: 'prod', tick: 1 },
    ]);
  });

  it('repeats the last entry past the end of the script', async () => {
    const source = scriptedSource({ prod: [snapshot(1), snapshot(2)] });

    const outcome = await source.sweep(prod, 9);

    expect(outcome.observedAt).toBe(2);
  });

  it('calls a scripted function with the cluster and tick', async () => {
    const source = scriptedSource({ prod: [(cluster, tick) => snapshot(tick * 10 + cluster.cluster.length)] });

    const outcome = await source.sweep(prod, 3);

    expect(outcome.observedAt).toBe(34);
  });

  it('returns a failure, not a rejection, for an unscripted cluster', async () => {
    const source = scriptedSource({ prod: [snapshot(1)] }, { start: 1_000, intervalMs: 100 });

    const outcome = await source.sweep({ cluster: 'staging', region: 'eu-west-1' }, 2);

    expect(outcome).toMatchObject({ kind: 'failure', cluster: 'staging', observedAt: 1_200 });
  });

  it('turns a throwing scripted function into a failure', async () => {
    const source = scriptedSource({
      prod: [
        () => {
          throw new Error('ThrottlingException');
        },
      ],
    });

    const outcome = await source.sweep(prod, 0);

    expect(outcome).toMatchObject({ kind: 'failure', error: { message: 'ThrottlingException' } });
  });
});
