import type { ClusterRef, SweepOutcome } from '../model/snapshot.js';
import type { SnapshotSource } from '../model/source.js';

/** One scripted answer: a fixed outcome, or a function of the tick. */
export type ScriptedSweep = SweepOutcome | ((cluster: ClusterRef, tick: number) => SweepOutcome);

/** The outcomes of each cluster, by cluster name, one entry per tick. */
export type SweepScript = Readonly<Record<string, readonly ScriptedSweep[]>>;

/** The `observedAt` of failures the source makes up itself: `start + tick * intervalMs` (defaults 0 and 5,000). */
export interface ScriptClock {
  start?: number;
  intervalMs?: number;
}

/** A `SnapshotSource` that plays a script and records its calls. */
export interface ScriptedSource extends SnapshotSource {
  /** Every call of `sweep`, in order. */
  readonly calls: Array<{ cluster: string; tick: number }>;
}

/**
 * A `SnapshotSource` that answers tick `n` of cluster `c` with `script[c][n]`. Past the end of a
 * cluster's script it repeats the last entry (a quiet cluster: the reducer sees no change); a
 * cluster without a script gets a `SweepFailure`, so a typo in a test shows up as degradation,
 * not silence; so does a scripted function that throws. Like the real source it never rejects.
 *
 * @example
 * const source = scriptedSource({ prod: [buildSnapshot(...), buildSnapshot(...)] });
 * monitorClusters({ source, clusters: [{ cluster: 'prod', region: 'eu-west-1' }], ... });
 */
export function scriptedSource(script: SweepScript, clock: ScriptClock = {}): ScriptedSource {
  const start = clock.start ?? 0;
  const intervalMs = clock.intervalMs ?? 5_000;
  const at = (tick: number): number => start + tick * intervalMs;
  const calls: Array<{ cluster: string; tick: number }> = [];
  return {
    calls,
    sweep(cluster, tick) {
      calls.push({ cluster: cluster.cluster, tick });
      const entries = script[cluster.cluster];
      const entry = entries?.[Math.min(tick, entries.length - 1)];
      if (entry === undefined) return Promise.resolve(noScript(cluster, at(tick)));
      try {
        return Promise.resolve(typeof entry === 'function' ? entry(cluster, tick) : entry);
      } catch (error) {
        return Promise.resolve(failure(cluster, at(tick), error));
      }
    },
  };
}

function noScript(cluster: ClusterRef, observedAt: number): SweepOutcome {
  return failure(cluster, observedAt, new Error(`scriptedSource: no script for cluster '${cluster.cluster}'`));
}

function failure(cluster: ClusterRef, observedAt: number, error: unknown): SweepOutcome {
  const err = error instanceof Error ? error : new Error(String(error));
  return {
    kind: 'failure',
    cluster: cluster.cluster,
    region: cluster.region,
    observedAt,
    error: { name: err.name, message: err.message },
  };
}
