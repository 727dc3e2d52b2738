import { clusterKey, type ClusterRef, type Logger } from '@mona-ecs/core';
import type { Lease, Leases } from '@mona-ecs/core/state';

/** What changed in one round: clusters this replica now watches, and those it gave up or lost. */
export interface LeaseChanges {
  gained: ClusterRef[];
  lost: ClusterRef[];
}

/** This replica's leases, kept by `round()` (see `createLeaseKeeper`). */
export interface LeaseKeeper {
  readonly holder: string;
  /** One round: heartbeat, renew, give up what is over the fair share, take free clusters up to it. */
  round(): Promise<LeaseChanges>;
  /** Whether this replica may sweep the cluster now: it holds an unexpired lease on it. */
  holds(key: string): boolean;
  /** Since when (epoch ms) this replica holds the cluster, or undefined. */
  heldSince(key: string): number | undefined;
  /** The clusters held, in config order. */
  held(): ClusterRef[];
  /** Live replicas seen in the last round (this one included). */
  replicas(): number;
  /** Releases every lease and leaves the members, so another replica takes over at once. */
  releaseAll(): Promise<void>;
}

export interface LeaseKeeperOptions {
  holder: string;
  clusters: readonly ClusterRef[];
  /** How long a lease and a heartbeat last unless renewed (`state.dynamodb.leaseSeconds`). */
  leaseMs: number;
  logger: Logger;
  now: () => number;
}

/**
 * Splits the configured clusters between replicas sharing one store: each cluster is watched by
 * the one replica holding its lease (a conditional write with an expiry). Each round this
 * replica says it is alive (a heartbeat item), counts the live replicas, renews its leases, gives
 * up the ones over its fair share (`ceil(clusters / replicas)`) and takes free or expired ones up
 * to it. A replica that dies stops renewing: within `leaseMs` its leases expire and another
 * replica's next round takes them over.
 *
 * A lease is trusted until shortly before it expires (`holds`), not until a renewal fails: a
 * replica cut off from the store stops sweeping before anyone else may take its clusters.
 * Replicas try clusters in an order rotated by their rank among the members, so two replicas
 * starting together rarely race for the same lease.
 *
 * @example
 * const keeper = createLeaseKeeper(store.leases, { holder, clusters, leaseMs: 30_000, logger, now: Date.now });
 * const { gained, lost } = await keeper.round(); // every check interval
 * if (keeper.holds(clusterKey(ref))) await source.sweep(ref, tick, signal);
 */
export function createLeaseKeeper(leases: Leases, options: LeaseKeeperOptions): LeaseKeeper {
  const { holder, clusters, leaseMs, logger, now } = options;
  const keys = clusters.map(clusterKey);
  const byKey = new Map(keys.map((key, i) => [key, clusters[i]!]));
  const mine = new Map<string, { lease: Lease; since: number }>();
  // Stop trusting a lease a little before it expires: another replica's clock may run ahead.
  const marginMs = Math.min(2_000, leaseMs / 10);
  let replicas = 1;

  const drop = (key: string, lost: ClusterRef[], why: string): void => {
    mine.delete(key);
    lost.push(byKey.get(key)!);
    logger.info({ cluster: key, holder }, why);
  };

  /** Renews every held lease; a failed call keeps the lease until it would have expired. */
  async function renewAll(lost: ClusterRef[]): Promise<void> {
    await Promise.all(
      [...mine].map(async ([key, held]) => {
        try {
          const renewed = await leases.renew(held.lease, leaseMs);
          if (renewed === undefined) drop(key, lost, 'lease lost to another replica: no longer watching this cluster');
          else held.lease = renewed;
        } catch (error) {
          logger.warn({ err: error, cluster: key }, 'could not renew the lease; watching until it expires');
          if (held.lease.expiresAt - marginMs <= now()) drop(key, lost, 'lease expired: no longer watching this cluster');
        }
      }),
    );
  }

  /** The clusters in this replica's order of preference: rotated by its rank among the members. */
  function preference(members: readonly string[], share: number): string[] {
    const rank = Math.max(0, members.indexOf(holder));
    const start = (rank * share) % Math.max(1, keys.length);
    return [...keys.slice(start), ...keys.slice(0, start)];
  }

  return {
    holder,
    async round() {
      const gained: ClusterRef[] = [];
      const lost: ClusterRef[] = [];
      await leases.heartbeat(holder, leaseMs);
      const members = await leases.members();
      if (!members.includes(holder)) members.push(holder);
      members.sort();
      replicas = members.length;
      const share = Math.ceil(keys.length / replicas);
      await renewAll(lost);
      const order = preference(members, share);
      // Over the share (a replica joined): give up the least preferred, so it can take them.
      for (const key of [...order].reverse()) {
        if (mine.size <= share) break;
        const held = mine.get(key);
        if (held === undefined) continue;
        await leases.release(held.lease);
        drop(key, lost, 'lease given up for a fair split with the other replicas');
      }
      for (const key of order) {
        if (mine.size >= share) break;
        if (mine.has(key)) continue;
        const lease = await leases.acquire(key, holder, leaseMs);
        if (lease === undefined) continue;
        mine.set(key, { lease, since: now() });
        gained.push(byKey.get(key)!);
        logger.info({ cluster: key, holder, replicas }, 'lease taken: watching this cluster');
      }
      return { gained, lost };
    },
    holds(key) {
      const held = mine.get(key);
      return held !== undefined && now() < held.lease.expiresAt - marginMs;
    },
    heldSince: (key) => mine.get(key)?.since,
    held: () => keys.filter((key) => mine.has(key)).map((key) => byKey.get(key)!),
    replicas: () => replicas,
    async releaseAll() {
      const held = [...mine.values()];
      mine.clear();
      await Promise.all(held.map(({ lease }) => leases.release(lease)));
      await leases.leave(holder);
    },
  };
}
