import { MonaError } from '../errors.js';

/** The SDK's names for "no credentials anywhere in the chain" (v3 and its credential providers). */
const NO_CREDENTIALS = new Set(['CredentialsProviderError', 'CredentialsError']);

/**
 * Turns AWS SDK errors that only the operator can fix into a `MonaError` that says how. Today:
 * no credentials found in the SDK's default chain, which the SDK reports as a bare
 * `CredentialsProviderError: Could not load credentials from any providers` on every sweep.
 * Every other error comes back unchanged (its SDK name stays the failure's code).
 *
 * @example
 * classifyAwsError(error).code; // 'MONA_AWS_NO_CREDENTIALS'
 */
export function classifyAwsError(error: unknown): unknown {
  if (!(error instanceof Error) || !NO_CREDENTIALS.has(error.name)) return error;
  return new MonaError(
    'MONA_AWS_NO_CREDENTIALS',
    `no AWS credentials found (${error.message}). The SDK looks, in order, at the environment ` +
      '(AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or AWS_PROFILE with ~/.aws/credentials or SSO), ' +
      'web identity (AWS_WEB_IDENTITY_TOKEN_FILE and AWS_ROLE_ARN), the ECS task role (AWS_CONTAINER_CREDENTIALS_RELATIVE_URI, ' +
      'set by ECS when the task definition has a taskRoleArn) and the EC2 instance profile. Give Mona one of them, ' +
      'with ecs:ListServices and ecs:DescribeServices allowed',
    { cause: error },
  );
}
