import type { ClusterRef } from '../model/snapshot.js';

/**
 * A lookup from what an ECS event names (its account id, region and cluster name) to the
 * watched cluster, or `undefined` when Mona does not watch it. ECS cluster names are unique per
 * account and region, so the account decides between two watched `prod` clusters: a ref whose
 * `accountId` is the event's wins; a ref without a known account id matches any account only
 * when it is the one cluster of that name and region (a single-account set-up).
 *
 * @example
 * const find = watchedClusters([{ cluster: 'prod', region: 'eu-west-1', accountId: '111111111111' }]);
 * find('prod', 'eu-west-1', '111111111111'); // the ref
 * find('prod', 'eu-west-1', '222222222222'); // undefined: another account's prod
 */
export function watchedClusters(
  clusters: readonly ClusterRef[],
): (cluster: string, region: string, account?: string) => ClusterRef | undefined {
  const byName = new Map<string, ClusterRef[]>();
  for (const ref of clusters) {
    const key = `${ref.region}/${ref.cluster}`;
    byName.set(key, [...(byName.get(key) ?? []), ref]);
  }
  return (cluster, region, account) => {
    const refs = byName.get(`${region}/${cluster}`) ?? [];
    const exact = refs.find((ref) => ref.accountId !== undefined && ref.accountId === account);
    if (exact) return exact;
    const unknown = refs.filter((ref) => ref.accountId === undefined);
    return unknown.length === 1 && refs.length === 1 ? unknown[0] : undefined;
  };
}
