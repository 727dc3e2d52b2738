import { accountIdOfRoleArn } from '@mona-ecs/core';
import type { ClusterRef } from '@mona-ecs/core';
import type { Flags } from '../commands/Command.js';
import type { ResolvedConfig } from '../config/types.js';
import { RunnerError, RunnerErrorCode } from '../errors.js';
import { parseDuration } from './parseDuration.js';
import type { WaitRequest } from './runWait.js';

/** `aws ecs wait services-stable` gives up after 10 minutes; a deployment with a slow health check needs more. */
export const DEFAULT_WAIT_TIMEOUT = '15m';
/** Seconds between sweeps without a config: quick feedback for one pipeline, 2 DescribeServices calls a second at most. */
export const DEFAULT_WAIT_INTERVAL_SECONDS = 5;

/**
 * The wait that `mona wait`'s flags (and the optional config) ask for. Flags win over the
 * config; the region falls back to the config's cluster, then `AWS_REGION`/`AWS_DEFAULT_REGION`.
 * Throws a `MONA_USAGE` (exit 2) error naming the flag at fault.
 *
 * @example
 * const request = toWaitRequest({ cluster: 'prod', service: ['api'] }, undefined, process.env);
 */
export function toWaitRequest(
  flags: Flags,
  config: ResolvedConfig | undefined,
  env: Readonly<Record<string, string | undefined>>,
): WaitRequest {
  const cluster = text(flags, 'cluster');
  if (!cluster) throw usage('needs --cluster C');
  const services = [...new Set(list(flags, 'service'))];
  if (services.length === 0) throw usage('needs at least one --service S');
  const region = text(flags, 'region') ?? configRegion(config, cluster) ?? (env['AWS_REGION'] || env['AWS_DEFAULT_REGION']);
  if (!region) throw new RunnerError(RunnerErrorCode.regionMissing, `no region for cluster ${cluster}: pass --region, or set AWS_REGION`);
  const request: WaitRequest = {
    cluster,
    region,
    services,
    targets: { deployments: list(flags, 'deployment'), taskDefinitions: list(flags, 'task-definition') },
    timeoutMs: parseDuration(text(flags, 'timeout') ?? DEFAULT_WAIT_TIMEOUT, '--timeout'),
    intervalSeconds: interval(flags, config),
    monitor: config
      ? {
          secondsUntilAlert: config.secondsUntilAlert,
          timeoutFrom: config.timeoutFrom,
          degradedAfterFailures: config.degradedAfterFailures,
        }
      : {},
    enrich: flags['no-diagnostics'] !== true && (config?.enrichment.enabled ?? true),
  };
  if (config?.enrichment.budgetMs !== undefined) request.enrichBudgetMs = config.enrichment.budgetMs;
  if (config?.ecs.endpoint) request.endpoint = config.ecs.endpoint;
  Object.assign(request, waitAccount(flags, config, cluster, region));
  return request;
}

/**
 * The role and account of the cluster: `--role-arn` (with `--external-id`) first, else the
 * config's entry for that cluster and region. The account is the role's (its id from the ARN).
 */
function waitAccount(flags: Flags, config: ResolvedConfig | undefined, cluster: string, region: string): Partial<WaitRequest> {
  const roleArn = text(flags, 'role-arn');
  const externalId = text(flags, 'external-id');
  if (roleArn === undefined) {
    if (externalId !== undefined) throw usage('--external-id needs --role-arn');
    const entry = config?.clusters.find((c) => c.cluster === cluster && c.region === region && c.roleArn);
    return entry ? accountOf(entry) : {};
  }
  const accountId = accountIdOfRoleArn(roleArn);
  if (!accountId) throw usage(`--role-arn "${roleArn}" is not a role ARN (arn:aws:iam::<12-digit account id>:role/<name>)`);
  return { roleArn, account: accountId, accountId, ...(externalId ? { externalId } : {}) };
}

function accountOf(ref: ClusterRef): Partial<WaitRequest> {
  return {
    ...(ref.roleArn ? { roleArn: ref.roleArn } : {}),
    ...(ref.externalId ? { externalId: ref.externalId } : {}),
    ...(ref.account ? { account: ref.account } : {}),
    ...(ref.accountId ? { accountId: ref.accountId } : {}),
  };
}

function interval(flags: Flags, config: ResolvedConfig | undefined): number {
  const value = text(flags, 'interval');
  if (value === undefined) return config?.checkIntervalSeconds ?? DEFAULT_WAIT_INTERVAL_SECONDS;
  const seconds = Number(value);
  if (!Number.isFinite(seconds) || seconds <= 0) throw usage(`--interval "${value}" must be a positive number of seconds`);
  return seconds;
}

function configRegion(config: ResolvedConfig | undefined, cluster: string): string | undefined {
  return (config?.clusters.find((c) => c.cluster === cluster) ?? config?.clusters[0])?.region;
}

function text(flags: Flags, name: string): string | undefined {
  const value = flags[name];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function list(flags: Flags, name: string): string[] {
  const value = flags[name];
  const values = Array.isArray(value) ? value : value === undefined ? [] : [value];
  return values.filter((v): v is string => typeof v === 'string' && v !== '');
}

function usage(message: string): RunnerError {
  return new RunnerError(RunnerErrorCode.usage, `mona wait ${message} (see mona wait --help)`);
}
