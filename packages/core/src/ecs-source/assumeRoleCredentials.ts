import type { fromTemporaryCredentials } from '@aws-sdk/credential-providers';
import { MonaError } from '../errors.js';
import type { Logger } from '../model/logger.js';
import { requestHandlerOptions } from './awsTimeouts.js';
import type { AwsTimeouts } from './awsTimeouts.js';

/** The SDK's credential provider type (a function resolving to credentials with an expiration). */
export type CredentialsProvider = ReturnType<typeof fromTemporaryCredentials>;

/** The role a cluster is watched through. */
export interface AssumeRoleTarget {
  roleArn: string;
  externalId?: string | undefined;
}

/** How Mona's own credentials reach STS. */
export interface AssumeRoleOptions extends AwsTimeouts {
  /** STS region (regional endpoint); the cluster's region. */
  region?: string;
  /** Explicit STS endpoint (an emulator); otherwise the SDK reads `AWS_ENDPOINT_URL_STS` / `AWS_ENDPOINT_URL`. */
  stsEndpoint?: string;
  /** `RoleSessionName`, seen in the watched account's CloudTrail. Default `mona`. */
  sessionName?: string;
  /** Where an unassumable role is reported (once per role). */
  logger?: Logger;
  /** Roles already reported; share one set between providers so each role is reported once per process. */
  reported?: Set<string>;
}

/**
 * The credentials of a role, from the SDK's own `fromTemporaryCredentials` (AssumeRole with the
 * process's credentials as the source). The SDK client that uses the provider caches the
 * credentials and asks again 5 minutes before they expire, so refresh is the SDK's. A role that
 * cannot be assumed (AccessDenied: no trust policy for Mona's role, a wrong external id, no
 * `sts:AssumeRole` on Mona's side) fails with `MonaError` `MONA_ASSUME_ROLE_FAILED`, naming the
 * role and the fix; it is logged once per role, and every call for that cluster fails with it
 * (its sweeps count towards `MonitorDegraded`) until the role is fixed.
 *
 * @example
 * const credentials = assumeRoleCredentials({ roleArn: 'arn:aws:iam::111111111111:role/mona-read', externalId: 'mona-7f3a' }, { region: 'eu-west-1' });
 * new ECSClient({ region: 'eu-west-1', credentials });
 */
export function assumeRoleCredentials(target: AssumeRoleTarget, options: AssumeRoleOptions = {}): CredentialsProvider {
  // The SDK's credential providers (and STS with them) are loaded on the first call only: a
  // process that assumes no role never pays for them (issue 13, idle start).
  let providing: Promise<CredentialsProvider> | undefined;
  const provider: CredentialsProvider = async (properties) => {
    providing ??= import('@aws-sdk/credential-providers').then((sdk) => sdk.fromTemporaryCredentials(providerOptions));
    return (await providing)(properties);
  };
  const providerOptions: Parameters<typeof fromTemporaryCredentials>[0] = {
    params: {
      RoleArn: target.roleArn,
      RoleSessionName: options.sessionName ?? 'mona',
      ...(target.externalId ? { ExternalId: target.externalId } : {}),
    },
    clientConfig: {
      requestHandler: requestHandlerOptions(options),
      ...(options.region ? { region: options.region } : {}),
      ...(options.stsEndpoint ? { endpoint: options.stsEndpoint } : {}),
    },
  };
  const reported = options.reported ?? new Set<string>();
  return async (properties) => {
    try {
      return await provider(properties);
    } catch (error) {
      const failure = assumeRoleError(target, error);
      if (!reported.has(target.roleArn)) {
        reported.add(target.roleArn);
        options.logger?.error({ roleArn: target.roleArn, code: failure.code, err: error }, failure.message);
      }
      throw failure;
    }
  };
}

/**
 * The `MONA_ASSUME_ROLE_FAILED` error for a failed AssumeRole: the role, STS's answer and what
 * to fix on each side.
 *
 * @example
 * throw assumeRoleError({ roleArn }, stsError);
 */
export function assumeRoleError(target: AssumeRoleTarget, error: unknown): MonaError {
  const name = error instanceof Error ? error.name : 'Error';
  const message = error instanceof Error ? error.message : String(error);
  const externalId = target.externalId ? ` with the condition sts:ExternalId = "${target.externalId}"` : '';
  return new MonaError(
    'MONA_ASSUME_ROLE_FAILED',
    `cannot assume role ${target.roleArn} (${name}: ${message}). Fix: the role's trust policy in its account must allow ` +
      `Mona's own role to call sts:AssumeRole${externalId}, the externalId in Mona's config must be the one in that ` +
      `policy, and Mona's role must be allowed sts:AssumeRole on ${target.roleArn} (see deploy/ for both halves)`,
    { cause: error },
  );
}
