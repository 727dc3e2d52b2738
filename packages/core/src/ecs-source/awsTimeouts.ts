/** Connection and request timeouts of one AWS SDK client, in milliseconds. */
export interface AwsTimeouts {
  /** Time to open the TCP (and TLS) connection. Default 3,000 ms. */
  connectTimeoutMs?: number;
  /** Time for the whole call, from sending the request to the last byte of the answer. Default 10,000 ms. */
  requestTimeoutMs?: number;
}

/**
 * Defaults of `AwsTimeouts`. ECS and CloudTrail answer in well under a second; without a timeout
 * the SDK waits forever on a connection that never answers, and one hung DescribeServices held
 * every sweep of the cluster for 117 s (issue 12). 10 s leaves room for a slow answer of 10
 * services × 100 events; the SDK's standard retries (3 attempts) then try again.
 *
 * @example
 * createEcsClient('eu-west-1', { requestTimeoutMs: DEFAULT_AWS_TIMEOUTS.requestTimeoutMs * 2 });
 */
export const DEFAULT_AWS_TIMEOUTS = Object.freeze({ connectTimeoutMs: 3_000, requestTimeoutMs: 10_000 });

/** The options of the SDK's default `NodeHttpHandler` that `requestHandlerOptions` sets. */
export interface RequestHandlerTimeouts {
  connectionTimeout: number;
  requestTimeout: number;
  throwOnRequestTimeout: true;
}

/**
 * The SDK's `requestHandler` setting for these timeouts: the options object that every v3 client
 * turns into its default `NodeHttpHandler`, so no HTTP handler package is imported here.
 * `throwOnRequestTimeout` is what makes `requestTimeout` fail the call: without it the handler
 * (`@smithy/node-http-handler` 4.x) only logs a warning and keeps waiting.
 *
 * @example
 * new CloudTrailClient({ region, requestHandler: requestHandlerOptions({ requestTimeoutMs: 5_000 }) });
 */
export function requestHandlerOptions(timeouts: AwsTimeouts = {}): RequestHandlerTimeouts {
  return {
    connectionTimeout: positive(timeouts.connectTimeoutMs, DEFAULT_AWS_TIMEOUTS.connectTimeoutMs),
    requestTimeout: positive(timeouts.requestTimeoutMs, DEFAULT_AWS_TIMEOUTS.requestTimeoutMs),
    throwOnRequestTimeout: true,
  };
}

function positive(value: number | undefined, fallback: number): number {
  return value !== undefined && Number.isFinite(value) && value > 0 ? value : fallback;
}
