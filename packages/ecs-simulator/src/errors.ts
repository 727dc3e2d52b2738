/**
 * Errors of @mona-ecs/ecs-simulator. `SimulatorError` is thrown by the scenario API (a programming
 * mistake in a test or story); `AwsApiError` is what an API handler throws to answer a request
 * the way AWS would, and never escapes the HTTP server.
 */

/**
 * A misuse of the scenario API, with a stable `code`.
 *
 * @example
 * try { sim.deploy('nope') } catch (e) { if (e instanceof SimulatorError) console.log(e.code) } // SIM_SERVICE_NOT_FOUND
 */
export class SimulatorError extends Error {
  readonly code: string;
  constructor(code: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'SimulatorError';
    this.code = code;
  }
}

/**
 * An error answered to an API client, shaped as AWS sends it: HTTP status plus
 * `{"__type": type, "message": message}` for JSON 1.1, an `<ErrorResponse>` for SNS.
 *
 * @example
 * throw new AwsApiError('InvalidParameterException', 'maxResults must be between 1 and 100.');
 */
export class AwsApiError extends Error {
  readonly code: string;
  readonly type: string;
  readonly status: number;
  constructor(type: string, message: string, options?: { status?: number; cause?: unknown }) {
    super(message, options);
    this.name = 'AwsApiError';
    this.code = type;
    this.type = type;
    this.status = options?.status ?? 400;
  }
}
