import { DescribeServicesCommand, ListServicesCommand } from '@aws-sdk/client-ecs';
import type { ECSClient } from '@aws-sdk/client-ecs';
import type { ClusterRef } from '../model/snapshot.js';
import { clusterKey } from '../model/clusterKey.js';
import { requestHandlerOptions } from './awsTimeouts.js';
import type { AwsTimeouts } from './awsTimeouts.js';
import { assumeRoleCredentials } from './assumeRoleCredentials.js';
import type { CredentialsProvider } from './assumeRoleCredentials.js';
import { ecsClientCache } from './createEcsClient.js';
import type { EcsClientOptions } from './createEcsClient.js';

/** One step of a check: `ok` with what it found, or the error's code and message. */
export type CheckStep = { ok: true; detail: string } | { ok: false; code: string; message: string };

/** What `checkAccess` found for one cluster. */
export interface AccessCheck {
  ref: ClusterRef;
  /** AssumeRole + GetCallerIdentity (the role's session ARN), or the own credentials' identity. */
  identity: CheckStep;
  /** ListServices (one page of one) and DescribeServices of the service found: what Mona calls every sweep. */
  ecs: CheckStep;
}

/**
 * Tries each role once and each cluster once, the way `mona run` would reach them: for each
 * credential set (a role, or the process's own), AssumeRole and GetCallerIdentity; for each
 * cluster, one ListServices (`maxResults: 1`) and, when it lists a service, one DescribeServices.
 * Never throws: every failure is a step with its code, so an operator sees every problem at once.
 *
 * @example
 * const checks = await checkAccess(config.clusters, { endpoint: process.env.ECS_ENDPOINT });
 * const broken = checks.filter((c) => !c.identity.ok || !c.ecs.ok);
 */
export async function checkAccess(refs: readonly ClusterRef[], options: EcsClientOptions & AwsTimeouts = {}): Promise<AccessCheck[]> {
  const clientFor = ecsClientCache(options, refs);
  const identities = new Map<string, Promise<CheckStep>>();
  const identityOf = (ref: ClusterRef): Promise<CheckStep> => {
    const key = `${ref.roleArn ?? ''}|${ref.externalId ?? ''}`;
    let found = identities.get(key);
    if (!found) {
      // The ECS client's own (cached) credentials: the role is assumed once for both checks.
      const credentials = ref.roleArn ? clientFor(ref.region, ref.account, ref).config.credentials : undefined;
      found = callerIdentity(ref, options, credentials);
      identities.set(key, found);
    }
    return found;
  };
  const checks = await Promise.all(
    refs.map(async (ref): Promise<AccessCheck> => {
      const identity = await identityOf(ref);
      // A role that cannot be assumed fails every ECS call the same way: say so once, in its step.
      const ecs: CheckStep = identity.ok || !ref.roleArn ? await ecsStep(clientFor(ref.region, ref.account, ref), ref) : skipped();
      return { ref, identity, ecs };
    }),
  );
  return checks.sort((a, b) => clusterKey(a.ref).localeCompare(clusterKey(b.ref)));
}

/**
 * GetCallerIdentity with the cluster's credentials (`given`, else through its role when it names
 * one, else the process's own): the ARN Mona reaches the account as, or the failure.
 *
 * @example
 * const step = await callerIdentity({ cluster: 'prod', region: 'eu-west-1', roleArn });
 */
export async function callerIdentity(
  ref: ClusterRef,
  options: EcsClientOptions & AwsTimeouts = {},
  given?: CredentialsProvider,
): Promise<CheckStep> {
  const credentials: CredentialsProvider | undefined =
    given ??
    (ref.roleArn
      ? assumeRoleCredentials(
          { roleArn: ref.roleArn, externalId: ref.externalId },
          { region: ref.region, ...(options.stsEndpoint ? { stsEndpoint: options.stsEndpoint } : {}), ...timeouts(options) },
        )
      : undefined);
  // STS is loaded when an access check runs (`mona validate --check-aws`, `mona wait`), not by every
  // importer of core (issue 13, idle start).
  const { GetCallerIdentityCommand, STSClient } = await import('@aws-sdk/client-sts');
  const sts = new STSClient({
    region: ref.region,
    maxAttempts: 2,
    requestHandler: requestHandlerOptions(options),
    ...(options.stsEndpoint ? { endpoint: options.stsEndpoint } : {}),
    ...(credentials ? { credentials } : {}),
  });
  try {
    const answer = await sts.send(new GetCallerIdentityCommand({}));
    return { ok: true, detail: answer.Arn ?? answer.Account ?? '' };
  } catch (error) {
    return failed(error);
  } finally {
    sts.destroy();
  }
}

async function ecsStep(client: ECSClient, ref: ClusterRef): Promise<CheckStep> {
  try {
    const listed = await client.send(new ListServicesCommand({ cluster: ref.cluster, maxResults: 1 }));
    const first = listed.serviceArns?.[0];
    if (!first) return { ok: true, detail: 'ListServices ok (no services)' };
    await client.send(new DescribeServicesCommand({ cluster: ref.cluster, services: [first] }));
    return { ok: true, detail: 'ListServices, DescribeServices ok' };
  } catch (error) {
    return failed(error);
  }
}

function skipped(): CheckStep {
  return { ok: false, code: 'SKIPPED', message: 'the role cannot be assumed' };
}

function failed(error: unknown): CheckStep {
  const e = error instanceof Error ? error : new Error(String(error));
  const code = (e as { code?: unknown }).code;
  return { ok: false, code: typeof code === 'string' ? code : e.name, message: e.message };
}

function timeouts(options: AwsTimeouts): AwsTimeouts {
  return {
    ...(options.connectTimeoutMs !== undefined ? { connectTimeoutMs: options.connectTimeoutMs } : {}),
    ...(options.requestTimeoutMs !== undefined ? { requestTimeoutMs: options.requestTimeoutMs } : {}),
  };
}
