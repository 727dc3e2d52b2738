import { callerIdentity } from '@mona-ecs/core/ecs';
import type { Logger } from '@mona-ecs/core';
import type { ResolvedConfig } from '../config/types.js';
import { ecsClientOptionsOf } from './monitorOptionsOf.js';

/**
 * In a config that watches several accounts, names the account of the clusters watched with
 * Mona's own credentials (no role, no `account`): its id, from one STS GetCallerIdentity, so
 * every event says which account it is about. A single-account config is returned unchanged
 * (no STS call, keys and texts as before); so is the config when the lookup fails (logged): those
 * clusters then carry no account, and an `account` alias in the config avoids the lookup.
 *
 * @example
 * config = await withOwnAccount(config, logger);
 */
export async function withOwnAccount(config: ResolvedConfig, logger: Logger): Promise<ResolvedConfig> {
  const own = config.clusters.filter((c) => !c.account);
  if (own.length === 0 || own.length === config.clusters.length) return config;
  const first = own[0]!;
  const identity = await callerIdentity({ cluster: first.cluster, region: first.region }, ecsClientOptionsOf(config));
  if (!identity.ok) {
    logger.warn(
      { code: identity.code, err: identity.message },
      'could not read the own account id (sts:GetCallerIdentity): its clusters carry no account',
    );
    return config;
  }
  const accountId = /^arn:aws[a-z-]*:(?:iam|sts)::(\d{12}):/.exec(identity.detail)?.[1];
  if (!accountId) return config;
  return { ...config, clusters: config.clusters.map((c) => (c.account ? c : { ...c, account: accountId, accountId })) };
}
