import { AwsApiError } from '../errors.js';
import type { ApiResponse } from '../httpServer.js';
import type { Sts } from './Sts.js';

const STS_NS = 'https://sts.amazonaws.com/doc/2011-06-15/';

/** The STS actions the simulator answers (query protocol, as `@aws-sdk/client-sts` speaks it). */
export const STS_ACTIONS: ReadonlySet<string> = new Set(['AssumeRole', 'GetCallerIdentity']);

/** The access key id of a SigV4 `Authorization` header (`Credential=AKID/date/region/service/aws4_request`). */
export function accessKeyOf(authorization: string | undefined): string | undefined {
  return authorization ? /Credential=([^/,\s]+)\//.exec(authorization)?.[1] : undefined;
}

/** The region of a SigV4 `Authorization` header's credential scope. */
export function signedRegionOf(authorization: string | undefined): string | undefined {
  return authorization ? /Credential=[^/]+\/\d{8}\/([^/]+)\//.exec(authorization)?.[1] : undefined;
}

function xml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * Answers one STS request: `AssumeRole` (credentials of the role's account, or AccessDenied) and
 * `GetCallerIdentity` (the signer's account and ARN), as XML the SDK parses.
 *
 * @example
 * stsRequest(sts, new URLSearchParams('Action=GetCallerIdentity&Version=2011-06-15'), 'AKIAHOME', 'req-1');
 */
export function stsRequest(sts: Sts, params: URLSearchParams, accessKeyId: string | undefined, requestId: string): ApiResponse {
  const headers = { 'content-type': 'text/xml', 'x-amzn-requestid': requestId };
  const action = params.get('Action') ?? '';
  try {
    const caller = sts.callerOf(accessKeyId);
    if (action === 'GetCallerIdentity') {
      const result = `<Arn>${xml(caller.arn)}</Arn><UserId>${xml(caller.userId)}</UserId><Account>${caller.accountId}</Account>`;
      return { status: 200, headers, body: wrap(action, result, requestId) };
    }
    if (action === 'AssumeRole') {
      const issued = sts.assumeRole(caller, params);
      const result =
        `<Credentials><AccessKeyId>${issued.accessKeyId}</AccessKeyId><SecretAccessKey>${issued.secretAccessKey}</SecretAccessKey>` +
        `<SessionToken>${issued.sessionToken}</SessionToken><Expiration>${new Date(issued.expiresAt).toISOString()}</Expiration></Credentials>` +
        `<AssumedRoleUser><AssumedRoleId>${xml(issued.sessionArn.split('/').pop() ?? '')}</AssumedRoleId><Arn>${xml(issued.sessionArn)}</Arn></AssumedRoleUser>`;
      return { status: 200, headers, body: wrap(action, result, requestId) };
    }
    throw new AwsApiError('InvalidAction', `Could not find operation ${action} for version 2011-06-15`);
  } catch (error) {
    if (!(error instanceof AwsApiError)) throw error;
    return {
      status: error.status,
      headers,
      body:
        `<ErrorResponse xmlns="${STS_NS}"><Error><Type>Sender</Type><Code>${error.type}</Code>` +
        `<Message>${xml(error.message)}</Message></Error><RequestId>${requestId}</RequestId></ErrorResponse>`,
    };
  }
}

function wrap(action: string, result: string, requestId: string): string {
  return (
    `<${action}Response xmlns="${STS_NS}"><${action}Result>${result}</${action}Result>` +
    `<ResponseMetadata><RequestId>${requestId}</RequestId></ResponseMetadata></${action}Response>`
  );
}
