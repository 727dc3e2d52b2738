import { ECSClient } from '@aws-sdk/client-ecs';
import toFastProperties from 'to-fast-properties';
import { requestHandlerOptions } from './awsTimeouts.js';
import type { AwsTimeouts } from './awsTimeouts.js';
import { useTakeServices } from './takeServices.js';
import { assumeRoleCredentials } from './assumeRoleCredentials.js';
import type { AssumeRoleTarget, CredentialsProvider } from './assumeRoleCredentials.js';
import type { ClusterRef } from '../model/snapshot.js';
import type { Logger } from '../model/logger.js';

/** How to build the ECS client of one region. */
export interface EcsClientOptions extends AwsTimeouts {
  /** Explicit endpoint (an emulator); otherwise the SDK reads `AWS_ENDPOINT_URL_ECS` / `AWS_ENDPOINT_URL`. */
  endpoint?: string;
  /** Credentials of the client; default the SDK's chain (the process's own). */
  credentials?: CredentialsProvider;
  /** Explicit STS endpoint for assumed roles (an emulator); otherwise `AWS_ENDPOINT_URL_STS` / `AWS_ENDPOINT_URL`. */
  stsEndpoint?: string;
  /** Where a role that cannot be assumed is reported, once per role. */
  logger?: Logger;
}

/**
 * The ECS client of one account and region. `account` is the cluster's account label
 * (`ClusterRef.account`); absent, the process's own account. Implementations that watch one
 * account may ignore it.
 */
export type EcsClientFor = (region: string, account?: string) => ECSClient;

/** The account and role of a cluster, as `ecsClientCache` needs them. */
export type ClusterTarget = Pick<ClusterRef, 'account' | 'roleArn' | 'externalId'>;

/**
 * An ECS client for one region with the SDK's standard retries (3 attempts, backoff with
 * jitter), a connection and a request timeout (`DEFAULT_AWS_TIMEOUTS`: 3 s and 10 s, so a call
 * that never answers fails and is retried instead of holding the sweep), `prepareEcsClient`
 * (the parse-once DescribeServices middleware, the config in fast properties) and the SDK's handler cache (the middleware
 * chain is built once per command type, not on every call).
 *
 * Pacing is Mona's shared, adaptive `RateLimiter`, not the SDK's `adaptive` mode, whose
 * client-side limiter drops to 0.5 calls/s after one throttle (measured: 3 DescribeServices in
 * 5 s with 30 % throttled answers) and would stretch a large sweep to minutes. Everything else
 * follows the SDK's standard configuration (credential chain, `AWS_REGION` when `region` is
 * empty, `AWS_ENDPOINT_URL*`, `AWS_MAX_ATTEMPTS`), so Mona runs against an emulator unchanged.
 *
 * @example
 * const client = createEcsClient('eu-west-1');
 * const local = createEcsClient('eu-west-1', { endpoint: 'http://127.0.0.1:4566', requestTimeoutMs: 2_000 });
 */
export function createEcsClient(region: string, options: EcsClientOptions = {}): ECSClient {
  const client = new ECSClient({
    retryMode: 'standard',
    cacheMiddleware: true,
    requestHandler: requestHandlerOptions(options),
    ...(region ? { region } : {}),
    ...(options.endpoint ? { endpoint: options.endpoint } : {}),
    ...(options.credentials ? { credentials: options.credentials } : {}),
  });
  prepareEcsClient(client);
  return client;
}

/**
 * Readies any ECS client for the source's hot path, once per client (idempotent): the parse-once
 * DescribeServices middleware (`useTakeServices`), and the client's config held in fast
 * properties. The SDK builds that config with one `Object.assign` after another, which leaves V8
 * holding it as a dictionary, and three middlewares copy it whole into a new object on every call
 * (`{ ...config, ...context }`): about 13-21 µs a copy instead of about 1.3 µs (bench/RESULTS.md).
 * Same object, same properties: only V8's layout changes. `createEcsClient` calls it, and the
 * source calls it on a client it was given.
 *
 * @example
 * prepareEcsClient(myOwnClient);
 */
export function prepareEcsClient(client: ECSClient): void {
  // The middleware's own once-per-client mark is this one's too: the config is laid out with it.
  if (useTakeServices(client)) toFastProperties(client.config);
}

/**
 * A `clientFor(region, account)` that builds one client per account and region and reuses it,
 * so connections, retry state and credentials are shared by every cluster there. A cluster whose
 * target names a `roleArn` is watched through that role (`assumeRoleCredentials`, one provider
 * per role, shared by its regions' clients, reported once when it cannot be assumed); the others
 * use the process's own credentials. Targets are learnt from `targets` and from every call that
 * passes one, so the enricher (which knows only an event's account) gets the source's client.
 *
 * @example
 * const clientFor = ecsClientCache({ endpoint: process.env.ECS_ENDPOINT }, clusters);
 * clientFor('eu-west-1') === clientFor('eu-west-1'); // true
 * clientFor('eu-west-1', 'payments'); // the client of account payments, through its role
 */
export function ecsClientCache(
  options: EcsClientOptions = {},
  targets: readonly ClusterTarget[] = [],
): (region: string, account?: string, target?: ClusterTarget) => ECSClient {
  const clients = new Map<string, ECSClient>();
  const roles = new Map<string, AssumeRoleTarget>();
  const providers = new Map<string, CredentialsProvider>();
  const reported = new Set<string>();
  const learn = (target: ClusterTarget | undefined): void => {
    if (target?.account && target.roleArn && !roles.has(target.account)) {
      roles.set(target.account, { roleArn: target.roleArn, externalId: target.externalId });
    }
  };
  for (const target of targets) learn(target);
  const credentialsOf = (role: AssumeRoleTarget, region: string): CredentialsProvider => {
    const key = `${role.roleArn}|${role.externalId ?? ''}`;
    let provider = providers.get(key);
    if (!provider) {
      provider = assumeRoleCredentials(role, {
        region,
        reported,
        ...(options.stsEndpoint ? { stsEndpoint: options.stsEndpoint } : {}),
        ...(options.logger ? { logger: options.logger } : {}),
        ...timeoutsOf(options),
      });
      providers.set(key, provider);
    }
    return provider;
  };
  return (region: string, account?: string, target?: ClusterTarget): ECSClient => {
    learn(target);
    const key = `${account ?? ''}|${region}`;
    let client = clients.get(key);
    if (!client) {
      const role = account ? roles.get(account) : undefined;
      client = createEcsClient(region, role ? { ...options, credentials: credentialsOf(role, region) } : options);
      clients.set(key, client);
    }
    return client;
  };
}

function timeoutsOf(options: AwsTimeouts): AwsTimeouts {
  return {
    ...(options.connectTimeoutMs !== undefined ? { connectTimeoutMs: options.connectTimeoutMs } : {}),
    ...(options.requestTimeoutMs !== undefined ? { requestTimeoutMs: options.requestTimeoutMs } : {}),
  };
}
