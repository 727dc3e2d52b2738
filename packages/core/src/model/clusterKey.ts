import type { ClusterRef } from './snapshot.js';

/**
 * The one identity of a cluster in a process: its account (when there is one), region and name,
 * so `prod` in two regions, or in two accounts, is two clusters (ECS cluster names are unique
 * per account and region). Every map, label set and status entry about a cluster is keyed by
 * this. A ref without an account keeps the single-account key `region/cluster`, so state files
 * written before accounts existed are read unchanged.
 *
 * @example
 * clusterKey({ cluster: 'prod', region: 'eu-west-1' }); // 'eu-west-1/prod'
 * clusterKey({ cluster: 'prod', region: 'eu-west-1', account: 'payments' }); // 'payments/eu-west-1/prod'
 * clusterKey(event) === clusterKey(outcome); // events and sweep outcomes carry cluster, region and account
 */
export function clusterKey(ref: Pick<ClusterRef, 'cluster' | 'region' | 'account'>): string {
  return ref.account ? `${ref.account}/${ref.region}/${ref.cluster}` : `${ref.region}/${ref.cluster}`;
}

/**
 * The account fields of a ref, for spreading into an outcome or event: empty without an account
 * (exactOptionalPropertyTypes: absent, never `undefined`).
 *
 * @example
 * const outcome = { kind: 'failure', cluster: ref.cluster, region: ref.region, ...accountOf(ref) };
 */
export function accountOf(ref: Pick<ClusterRef, 'account' | 'accountId'>): { account?: string; accountId?: string } {
  return {
    ...(ref.account ? { account: ref.account } : {}),
    ...(ref.accountId ? { accountId: ref.accountId } : {}),
  };
}

const ROLE_ARN = /^arn:aws[a-z-]*:iam::(\d{12}):role\/.+$/;

/**
 * The 12-digit account id in an IAM role ARN, or `undefined` when the text is not a role ARN.
 * The account a role belongs to is the account whose clusters its credentials see.
 *
 * @example
 * accountIdOfRoleArn('arn:aws:iam::111111111111:role/mona-read'); // '111111111111'
 */
export function accountIdOfRoleArn(roleArn: string): string | undefined {
  return ROLE_ARN.exec(roleArn)?.[1];
}
