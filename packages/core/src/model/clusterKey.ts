import type { ClusterRef } from './snapshot.js';

/**
 * The one identity of a cluster in a process: its region and name, so `prod` in two regions is
 * two clusters (ECS cluster names are unique per account and region). Every map, label set and
 * status entry about a cluster is keyed by this; the account joins it when one process watches
 * several accounts.
 *
 * @example
 * clusterKey({ cluster: 'prod', region: 'eu-west-1' }); // 'eu-west-1/prod'
 * clusterKey(event) === clusterKey(outcome); // events and sweep outcomes carry cluster and region
 */
export function clusterKey(ref: Pick<ClusterRef, 'cluster' | 'region'>): string {
  return `${ref.region}/${ref.cluster}`;
}
