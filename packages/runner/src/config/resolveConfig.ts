import { dirname, resolve } from 'node:path';
import { accountIdOfRoleArn, clusterKey } from '@mona-ecs/core';
import type { ClusterRef } from '@mona-ecs/core';
import { defaultStatePath } from '@mona-ecs/core/state';
import { regionIssue } from './regionIssue.js';
import { RunnerErrorCode } from '../errors.js';
import type { ConfigIssue } from '../errors.js';
import { CONFIG_DEFAULTS } from './types.js';
import type {
  ClusterEntry,
  DeliveryConfig,
  MonaConfig,
  ResolvedConfig,
  ResolvedSenderConfig,
  ResolvedState,
  SenderConfig,
} from './types.js';
import { mergeDelivery } from './mergeDelivery.js';

/** Environment variables the region falls back to, in order (the AWS SDK's own names). */
const REGION_VARS = ['AWS_REGION', 'AWS_DEFAULT_REGION'] as const;

/**
 * Apply defaults and resolve each cluster's region. `null` means "default", as for an absent key.
 * Returns issues instead of throwing so the caller can report them with the others.
 *
 * @example
 * const { config, issues } = resolveConfig(valid, { configPath: '/etc/mona.json', env: process.env, secrets: [] });
 */
export function resolveConfig(
  input: MonaConfig,
  context: {
    configPath: string;
    env: Readonly<Record<string, string | undefined>>;
    secrets: string[];
    sdkRegion?: string | undefined;
    source?: string;
  },
): { config: ResolvedConfig; issues: ConfigIssue[] } {
  const d = CONFIG_DEFAULTS;
  const { clusters, issues } = resolveClusters(input, context.env, context.sdkRegion);
  const config: ResolvedConfig = {
    configPath: context.configPath,
    source: context.source ?? context.configPath,
    clusters,
    serviceNamesOverride: input.serviceNamesOverride ?? [...d.serviceNamesOverride],
    secondsUntilAlert: input.secondsUntilAlert ?? d.secondsUntilAlert,
    checkIntervalSeconds: input.checkIntervalSeconds ?? d.checkIntervalSeconds,
    logInterval: input.logInterval ?? d.logInterval,
    refreshServicesInterval: input.refreshServicesInterval ?? d.refreshServicesInterval,
    timeoutFrom: input.timeoutFrom ?? d.timeoutFrom,
    degradedAfterFailures: input.degradedAfterFailures ?? d.degradedAfterFailures,
    recoveredAfterSweeps: input.recoveredAfterSweeps ?? d.recoveredAfterSweeps,
    ecs: withoutNulls(input.ecs ?? {}),
    reconcileIntervalSeconds: input.reconcileIntervalSeconds ?? d.reconcileIntervalSeconds,
    maxReconcileIntervalSeconds: input.maxReconcileIntervalSeconds ?? d.maxReconcileIntervalSeconds,
    enrichment: {
      ...withoutNulls(input.enrichment ?? {}),
      enabled: input.enrichment?.enabled ?? d.enrichmentEnabled,
      whoDeployed: input.enrichment?.whoDeployed ?? d.whoDeployed,
    },
    delivery: mergeDelivery(input.delivery),
    templates: withoutNulls(input.templates ?? {}),
    senders: (input.senders ?? []).map((sender, index) => resolveSender(sender, index, input.delivery)),
    logLevel: input.logLevel ?? d.logLevel,
    state: resolveState(input.state, context),
    secrets: context.secrets,
  };
  if (input.formatter != null) config.formatter = input.formatter;
  if (input.events != null) config.events = withoutNulls(input.events);
  if (input.console != null) config.console = input.console;
  if (input.http != null) config.http = { port: input.http.port, host: input.http.host ?? d.httpHost };
  return { config, issues };
}

/** `state`: off, the given or default file (relative to the config file), or DynamoDB. */
function resolveState(
  state: MonaConfig['state'] | null,
  context: { configPath: string; env: Readonly<Record<string, string | undefined>> },
): ResolvedState {
  if (state === false) return { kind: 'off' };
  const staleAfterSeconds = state?.staleAfterSeconds ?? CONFIG_DEFAULTS.stateStaleAfterSeconds;
  const dynamodb = state?.dynamodb;
  if (dynamodb != null) {
    return {
      kind: 'dynamodb',
      table: dynamodb.table,
      ...(dynamodb.region == null ? {} : { region: dynamodb.region }),
      ...(dynamodb.endpoint == null ? {} : { endpoint: dynamodb.endpoint }),
      createTable: dynamodb.createTable ?? false,
      leaseSeconds: dynamodb.leaseSeconds ?? CONFIG_DEFAULTS.leaseSeconds,
      staleAfterSeconds,
    };
  }
  const file = state?.file;
  const path = file == null ? defaultStatePath({ ...context.env }) : resolve(dirname(context.configPath), file);
  return { kind: 'file', path, staleAfterSeconds };
}

function resolveSender(sender: SenderConfig, index: number, delivery: DeliveryConfig | undefined): ResolvedSenderConfig {
  const resolved: ResolvedSenderConfig = {
    plugin: sender.plugin,
    options: sender.options ?? {},
    delivery: mergeDelivery(delivery, sender.delivery),
    index,
    instanceName: `senders[${index}]:${sender.plugin}`,
  };
  if (sender.events != null) resolved.events = sender.events;
  if (sender.services != null) resolved.services = sender.services;
  if (sender.clusters != null) resolved.clusters = sender.clusters;
  return resolved;
}

function resolveClusters(
  input: MonaConfig,
  env: Readonly<Record<string, string | undefined>>,
  sdkRegion: string | undefined,
): { clusters: ResolvedConfig['clusters']; issues: ConfigIssue[] } {
  const defaults = input.defaults ?? {};
  const fallback = defaults.region != null ? { region: defaults.region, path: '/defaults/region' } : fallbackRegion(input, env, sdkRegion);
  const written: WrittenCluster[] = [
    ...(input.ecsCluster != null ? [{ name: input.ecsCluster, path: '/ecsCluster' }] : []),
    ...(input.clusters ?? []).map((c, i) => ({ ...(typeof c === 'string' ? { name: c } : c), path: `/clusters/${i}` })),
  ];
  const clusters: ResolvedConfig['clusters'] = [];
  const issues: ConfigIssue[] = [];
  const seen = new Set<string>();
  const reported = new Set<string>();
  const roles = new Map<string, { roleArn: string | undefined; path: string }>();
  for (const entry of written) {
    const where = entry.region != null ? { region: entry.region, path: `${entry.path}/region` } : fallback;
    if (where === undefined) {
      issues.push({
        code: RunnerErrorCode.regionMissing,
        path: entry.path,
        message: `cluster "${entry.name}" has no region`,
        hint: 'set "AWSRegion" or "defaults.region" in the config, a "region" on the cluster, AWS_REGION in the environment, or a region in your AWS profile',
      });
      continue;
    }
    const malformed = regionIssue(where.region, where.path);
    if (malformed) {
      // The fallback region is shared by many clusters: one issue for it.
      if (!reported.has(where.path)) issues.push(malformed);
      reported.add(where.path);
      continue;
    }
    const ref = accountRef(entry, defaults, where.region);
    const clash = ref.account ? roleClash(ref, entry, roles) : undefined;
    if (clash) {
      issues.push(clash);
      continue;
    }
    const key = clusterKey(ref);
    if (seen.has(key)) continue;
    seen.add(key);
    clusters.push(ref);
  }
  return { clusters, issues };
}

type WrittenCluster = { name: string; path: string; region?: string | null } & Omit<ClusterEntry, 'name' | 'region'>;

/**
 * A cluster's ref: its role (the entry's, else `defaults.roleArn`), the external id that goes
 * with it, and its account: the alias when given, else the role's account id. A cluster without
 * a role or alias is in the process's own account and keeps the single-account key.
 */
function accountRef(entry: WrittenCluster, defaults: NonNullable<MonaConfig['defaults']>, region: string): ClusterRef {
  const ref: ClusterRef = { cluster: entry.name, region };
  const roleArn = entry.roleArn ?? defaults.roleArn ?? undefined;
  // Key by key, the entry's value wins: one external id for the whole organisation is written once.
  const externalId = entry.externalId ?? defaults.externalId ?? undefined;
  const accountId = roleArn ? accountIdOfRoleArn(roleArn) : undefined;
  const account = entry.account ?? accountId;
  if (roleArn) ref.roleArn = roleArn;
  if (roleArn && externalId) ref.externalId = externalId;
  if (account) ref.account = account;
  if (accountId) ref.accountId = accountId;
  return ref;
}

/** One account, one role: the client (and the limiter) of an account and region is shared by its clusters. */
function roleClash(
  ref: ClusterRef,
  entry: WrittenCluster,
  roles: Map<string, { roleArn: string | undefined; path: string }>,
): ConfigIssue | undefined {
  const account = ref.account ?? '';
  const first = roles.get(account);
  if (!first) {
    roles.set(account, { roleArn: ref.roleArn, path: entry.path });
    return undefined;
  }
  if (first.roleArn === ref.roleArn) return undefined;
  return {
    code: RunnerErrorCode.configInvalid,
    path: entry.path,
    message: `account "${account}" is watched through ${ref.roleArn ?? "Mona's own credentials"} here and through ${first.roleArn ?? "Mona's own credentials"} at ${first.path}`,
    hint: 'give every cluster of an account the same roleArn, or give the clusters different "account" names',
  };
}

/** The region of clusters without their own, and where it was written (a config path, a variable, the profile). */
function fallbackRegion(
  input: MonaConfig,
  env: Readonly<Record<string, string | undefined>>,
  sdkRegion: string | undefined,
): { region: string; path: string } | undefined {
  if (input.AWSRegion != null) return { region: input.AWSRegion, path: '/AWSRegion' };
  const name = REGION_VARS.find((v) => env[v] !== undefined && env[v] !== '');
  if (name !== undefined) return { region: env[name]!, path: `$${name}` };
  return sdkRegion === undefined ? undefined : { region: sdkRegion, path: 'the AWS profile’s region' };
}

type NonNull<T> = { [K in keyof T]: Exclude<T[K], null> };

/** Drop `null` and `undefined` values so optional keys stay absent (exactOptionalPropertyTypes). */
function withoutNulls<T extends object>(value: T): NonNull<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== null && v !== undefined)) as NonNull<T>;
}
