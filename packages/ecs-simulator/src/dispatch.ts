import { RawJson, ecsActions } from './ecsApi.js';
import { AwsApiError } from './errors.js';
import { parsePublish, publishResponseXml, snsErrorXml } from './snsPublish.js';
import type { ApiGate } from './ApiGate.js';
import type { Faults } from './Faults.js';
import type { EcsModel } from './ecsApi.js';
import type { ApiRequest, ApiResponse } from './httpServer.js';
import type { PublishedMessage } from './snsPublish.js';

const ECS_PREFIX = 'AmazonEC2ContainerServiceV20141113.';
const JSON_TYPE = 'application/x-amz-json-1.1';

/** What the dispatcher needs from the simulator. */
export interface DispatchDeps {
  model: EcsModel;
  gate: ApiGate;
  faults: Faults;
  uuid(): string;
  now(): number;
  onPublish(message: PublishedMessage): void;
  /** Rewrites a successful ECS answer's body (fault injection, see `AnswerFaults`). */
  rewrite?(action: string, body: string): string;
}

/**
 * Routes a request: `X-Amz-Target: AmazonEC2ContainerServiceV20141113.<Action>` to the ECS
 * handlers (JSON 1.1), a form-encoded `Action=...` body to SNS (query protocol), on any path.
 *
 * @example
 * const dispatch = createDispatcher(deps);
 * dispatch({ method: 'POST', path: '/', target: 'AmazonEC2ContainerServiceV20141113.ListClusters', contentType: 'application/x-amz-json-1.1', body: '{}' });
 */
export function createDispatcher(deps: DispatchDeps): (req: ApiRequest) => ApiResponse {
  return (req) => {
    const requestId = deps.uuid();
    if (req.target?.startsWith(ECS_PREFIX)) return ecs(deps, req.target.slice(ECS_PREFIX.length), req.body, requestId);
    if (req.contentType.includes('application/x-www-form-urlencoded')) return sns(deps, req.body, requestId);
    return ecsError(new AwsApiError('UnknownOperationException', `Unsupported request ${req.method} ${req.path}`), requestId);
  };
}

function ecs(deps: DispatchDeps, action: string, body: string, requestId: string): ApiResponse {
  try {
    const handler = ecsActions[action];
    if (!handler) throw new AwsApiError('UnknownOperationException', `Operation ${action} is not supported by the simulator.`);
    const input = parseJson(body);
    deps.gate.admit(action);
    const fault = deps.faults.take(action);
    if (fault?.kind === 'hang') return { status: 0, headers: {}, body: '', hang: true };
    if (fault?.kind === 'answer')
      return { status: 200, headers: { 'content-type': JSON_TYPE, 'x-amzn-requestid': requestId }, body: fault.body };
    const output = handler(deps.model, input);
    return {
      status: 200,
      headers: { 'content-type': JSON_TYPE, 'x-amzn-requestid': requestId },
      body: rewrite(deps, action, output instanceof RawJson ? output.text : JSON.stringify(output)),
    };
  } catch (error) {
    if (error instanceof AwsApiError) return ecsError(error, requestId);
    return ecsError(new AwsApiError('ServerException', 'Internal error in the simulator.', { status: 500, cause: error }), requestId);
  }
}

function rewrite(deps: DispatchDeps, action: string, body: string): string {
  return deps.rewrite ? deps.rewrite(action, body) : body;
}

function parseJson(body: string): Record<string, unknown> {
  try {
    const parsed: unknown = body === '' ? {} : JSON.parse(body);
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) return parsed as Record<string, unknown>;
  } catch (error) {
    throw new AwsApiError('SerializationException', 'Malformed JSON body.', { cause: error });
  }
  throw new AwsApiError('SerializationException', 'Request body must be a JSON object.');
}

/** ECS sends the error name in `__type`, which the SDK's JSON 1.1 protocol reads first. */
function ecsError(error: AwsApiError, requestId: string): ApiResponse {
  return {
    status: error.status,
    headers: { 'content-type': JSON_TYPE, 'x-amzn-requestid': requestId },
    body: JSON.stringify({ __type: error.type, message: error.message }),
  };
}

function sns(deps: DispatchDeps, body: string, requestId: string): ApiResponse {
  const headers = { 'content-type': 'text/xml', 'x-amzn-requestid': requestId };
  try {
    const message = parsePublish(new URLSearchParams(body), deps.uuid(), deps.now());
    deps.onPublish(message);
    return { status: 200, headers, body: publishResponseXml(message.messageId, requestId) };
  } catch (error) {
    if (error instanceof AwsApiError) return { status: error.status, headers, body: snsErrorXml(error, requestId) };
    throw error;
  }
}
