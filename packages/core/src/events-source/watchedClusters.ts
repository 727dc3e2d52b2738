import { clusterKey } from '../model/clusterKey.js';
import type { ClusterRef } from '../model/snapshot.js';

/**
 * A lookup from what an ECS event names (cluster name and region) to the watched cluster, or
 * `undefined` when Mona does not watch it. Built with `clusterKey`, so it follows the one
 * identity of a cluster.
 *
 * @example
 * const find = watchedClusters([{ cluster: 'prod', region: 'eu-west-1' }]);
 * find('prod', 'eu-west-1'); // the ref
 */
export function watchedClusters(clusters: readonly ClusterRef[]): (cluster: string, region: string) => ClusterRef | undefined {
  const byKey = new Map(clusters.map((ref) => [clusterKey(ref), ref]));
  return (cluster, region) => byKey.get(clusterKey({ cluster, region }));
}
