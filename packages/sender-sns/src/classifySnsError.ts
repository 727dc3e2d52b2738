import { SenderError, isNetworkError } from '@mona-ecs/core';

/** What the sender knows when it classifies a failure, for the "what to fix" part of messages. */
export interface SnsErrorContext {
  topicArn: string;
  region: string | undefined;
  signal?: AbortSignal;
}

/** SDK error names (without the `Exception` suffix) after which a later attempt can succeed. */
const RETRYABLE = new Set([
  'Throttled',
  'Throttling',
  'KMSThrottling',
  'InternalError',
  'InternalFailure',
  'ServiceUnavailable',
  'RequestTimeout',
  'TimeoutError',
  'AbortError',
  'ExpiredToken',
  'RequestExpired',
]);

type Fix = (context: SnsErrorContext, detail: string) => string;
const fixForCredentials: Fix = () =>
  'the AWS credentials were rejected: check the credential chain (AWS_PROFILE, role, keys) Mona runs with';
const fixForKmsKey: Fix = (c) =>
  `the KMS key that encrypts ${c.topicArn} is disabled, pending deletion or gone: enable it or change the topic's encryption`;

/** Permanent failures, each with what the operator has to change. */
const PERMANENT: Record<string, Fix> = {
  AuthorizationError: (c) =>
    `not allowed to publish to ${c.topicArn}: grant sns:Publish on the topic to the role Mona runs as (and kms:GenerateDataKey and kms:Decrypt on the topic's key if it is encrypted)`,
  NotFound: (c) => `topic ${c.topicArn} does not exist${c.region ? ` in ${c.region}` : ''}: check topicArn and region`,
  InvalidParameter: (_c, d) => `SNS rejected the message (${d}): check topicArn; for FIFO topics the name must end in .fifo`,
  InvalidParameterValue: (_c, d) => `SNS rejected a parameter value (${d}): check topicArn and the message size (256 KB at most)`,
  Validation: (_c, d) => `SNS rejected the request (${d})`,
  KMSDisabled: fixForKmsKey,
  KMSInvalidState: fixForKmsKey,
  KMSNotFound: fixForKmsKey,
  KMSAccessDenied: (c) => `SNS cannot use the KMS key of ${c.topicArn}: allow sns.amazonaws.com and the publishing role in the key policy`,
  KMSOptInRequired: () => 'the AWS account is not subscribed to KMS: opt in to AWS KMS',
  InvalidSecurity: () => 'SNS requires a signed HTTPS request: use an https endpoint and SigV4 credentials',
  UnrecognizedClient: fixForCredentials,
  InvalidClientTokenId: fixForCredentials,
  SignatureDoesNotMatch: fixForCredentials,
  IncompleteSignature: fixForCredentials,
  MissingAuthenticationToken: fixForCredentials,
  AccessDenied: (c) => `access denied to ${c.topicArn}: grant sns:Publish on the topic to the role Mona runs as`,
  CredentialsProviderError: () =>
    'no AWS credentials found: configure the credential chain (AWS_PROFILE, an instance or task role, or keys)',
};

/**
 * Classifies an error thrown by `SNSClient.send(PublishCommand)` for the delivery queue:
 * throttling, 5xx, network errors and timeouts are retryable; authorization, missing topics,
 * invalid parameters, disabled KMS keys and rejected credentials are not, and say what to fix.
 *
 * @example
 * try { await client.send(command, { abortSignal }); } catch (error) { throw classifySnsError(error, { topicArn, region }); }
 */
export function classifySnsError(error: unknown, context: SnsErrorContext): SenderError {
  const { name, detail, status, serverFault } = describe(error);
  const permanent = PERMANENT[name];
  if (context.signal?.aborted === true || name === 'AbortError') {
    return new SenderError(`SNS publish to ${context.topicArn} aborted (attempt timed out): ${detail}`, { retryable: true, cause: error });
  }
  if (RETRYABLE.has(name) || isNetworkError(error)) {
    return new SenderError(`SNS publish to ${context.topicArn} failed (retryable): ${name}: ${detail}`, { retryable: true, cause: error });
  }
  if (permanent !== undefined) {
    return new SenderError(`SNS ${name}: ${permanent(context, detail)}`, { retryable: false, cause: error });
  }
  const retryable = status === undefined ? true : status === 429 || status >= 500 || serverFault;
  const verdict = retryable ? 'retryable' : 'not retrying a client error';
  return new SenderError(`SNS publish to ${context.topicArn} failed (${name}${status ? `, HTTP ${status}` : ''}), ${verdict}: ${detail}`, {
    retryable,
    cause: error,
  });
}

interface ErrorFacts {
  name: string;
  detail: string;
  status: number | undefined;
  serverFault: boolean;
}

/** Reads the SDK's error shape (`name`, `$metadata.httpStatusCode`, `$fault`) without trusting it (Node's codes: `isNetworkError`). */
function describe(error: unknown): ErrorFacts {
  const e = (typeof error === 'object' && error !== null ? error : {}) as {
    name?: unknown;
    message?: unknown;
    $fault?: unknown;
    $metadata?: { httpStatusCode?: unknown };
  };
  const rawName = typeof e.name === 'string' ? e.name : 'Error';
  const status = e.$metadata?.httpStatusCode;
  return {
    name: rawName.replace(/Exception$/, ''),
    detail: typeof e.message === 'string' && e.message !== '' ? e.message : String(error),
    status: typeof status === 'number' ? status : undefined,
    serverFault: e.$fault === 'server',
  };
}
