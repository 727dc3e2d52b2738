import { clusterKey } from '../model/clusterKey.js';
import type { Logger } from '../model/logger.js';
import type { ClusterRef, SweepOutcome } from '../model/snapshot.js';

/** What `DirtyServices` needs: how to describe names, where the outcome goes, and its clock. */
export interface DirtyServicesOptions {
  /** Dirty names are gathered this long before one describe (batches of 10). */
  windowMs: number;
  describe(ref: ClusterRef, names: readonly string[]): Promise<SweepOutcome>;
  /** Each describe's outcome, with the time its calls started (see `FreshnessGuard`). */
  emit(outcome: SweepOutcome, startedAt: number): void;
  now(): number;
  logger?: Logger | undefined;
}

interface ClusterDirt {
  ref: ClusterRef;
  /** Dirty names, each with the messages waiting for its describe. */
  waiting: Map<string, Array<(described: boolean) => void>>;
  timer: NodeJS.Timeout | undefined;
  inFlight: boolean;
  /** The cluster's first complete sweep happened: dirty describes may start. */
  baselined: boolean;
}

/**
 * The services ECS events marked dirty, per cluster (by `clusterKey`). A mark waits a short
 * window so a burst of events becomes a few DescribeServices calls of 10, then the names are
 * described at once; one describe per cluster is in flight at a time, marks made meanwhile go
 * to the next. Nothing is described before the cluster's baseline (its first complete sweep),
 * which would otherwise be announced as news. `mark` resolves when the service's state was read
 * (true) or could not be (false: the message is not deleted and comes back after its
 * visibility timeout).
 *
 * @example
 * const dirty = new DirtyServices({ windowMs: 100, describe: (ref, names) => source.describe(ref, names), emit, now: Date.now });
 * dirty.baselined(ref);
 * await dirty.mark(ref, 'api'); // true once described
 */
export class DirtyServices {
  private readonly clusters = new Map<string, ClusterDirt>();
  private closed = false;

  constructor(private readonly options: DirtyServicesOptions) {}

  mark(ref: ClusterRef, service: string): Promise<boolean> {
    if (this.closed) return Promise.resolve(false);
    const dirt = this.dirtOf(ref);
    return new Promise((resolve) => {
      const waiters = dirt.waiting.get(service);
      if (waiters) waiters.push(resolve);
      else dirt.waiting.set(service, [resolve]);
      this.schedule(dirt);
    });
  }

  /** The cluster's first complete sweep is in: its dirty services may be described from now on. */
  baselined(ref: ClusterRef): void {
    const dirt = this.dirtOf(ref);
    if (dirt.baselined) return;
    dirt.baselined = true;
    this.schedule(dirt);
  }

  /** Names waiting to be described, over all clusters. */
  get size(): number {
    let n = 0;
    for (const dirt of this.clusters.values()) n += dirt.waiting.size;
    return n;
  }

  /** Stops describing; every waiting mark resolves false (its message comes back later). */
  close(): void {
    this.closed = true;
    for (const dirt of this.clusters.values()) {
      clearTimeout(dirt.timer);
      for (const waiters of dirt.waiting.values()) for (const resolve of waiters) resolve(false);
      dirt.waiting.clear();
    }
  }

  private dirtOf(ref: ClusterRef): ClusterDirt {
    const key = clusterKey(ref);
    let dirt = this.clusters.get(key);
    if (!dirt) {
      dirt = { ref, waiting: new Map(), timer: undefined, inFlight: false, baselined: false };
      this.clusters.set(key, dirt);
    }
    return dirt;
  }

  private schedule(dirt: ClusterDirt): void {
    if (this.closed || !dirt.baselined || dirt.inFlight || dirt.timer || dirt.waiting.size === 0) return;
    dirt.timer = setTimeout(() => {
      dirt.timer = undefined;
      void this.drain(dirt);
    }, this.options.windowMs);
  }

  private async drain(dirt: ClusterDirt): Promise<void> {
    const batch = new Map(dirt.waiting);
    dirt.waiting.clear();
    dirt.inFlight = true;
    const startedAt = this.options.now();
    let outcome: SweepOutcome | undefined;
    try {
      outcome = await this.options.describe(dirt.ref, [...batch.keys()]);
      // A failed describe is not a failed sweep: it must not count towards MonitorDegraded.
      if (outcome.kind === 'snapshot') this.options.emit(outcome, startedAt);
    } catch (error) {
      this.options.logger?.warn({ cluster: dirt.ref.cluster, region: dirt.ref.region, err: error }, 'describe of dirty services failed');
    } finally {
      dirt.inFlight = false;
    }
    if (outcome?.kind === 'failure') {
      this.options.logger?.warn(
        { cluster: dirt.ref.cluster, region: dirt.ref.region, error: outcome.error, services: batch.size },
        'describe of dirty services failed: their messages come back after the visibility timeout',
      );
    }
    const read = readNames(outcome);
    for (const [name, waiters] of batch) for (const resolve of waiters) resolve(read.has(name));
    this.schedule(dirt);
  }
}

/** The names an outcome gave a verdict on (state, removal, or an answer without counts). */
function readNames(outcome: SweepOutcome | undefined): Set<string> {
  if (outcome?.kind !== 'snapshot') return new Set();
  return new Set([...outcome.services.map((s) => s.name), ...outcome.missing, ...(outcome.incomplete ?? []).map((s) => s.name)]);
}
