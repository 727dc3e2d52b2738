import { AwsApiError } from '../errors.js';
import type { ApiResponse } from '../httpServer.js';
import type { SimQueue } from './SimQueue.js';

/** `X-Amz-Target` prefix of the SQS JSON protocol that `@aws-sdk/client-sqs` v3 speaks. */
export const SQS_PREFIX = 'AmazonSQS.';
const JSON_TYPE = 'application/x-amz-json-1.0';
/** The longest long poll SQS allows. */
const MAX_WAIT_SECONDS = 20;

type Input = Record<string, unknown>;

/**
 * Answers one SQS JSON-protocol request (`X-Amz-Target: AmazonSQS.<Action>`) against the
 * simulator's queue: ReceiveMessage (long polling up to 20 s, at most 10 messages, visibility
 * timeout), DeleteMessage, DeleteMessageBatch, GetQueueAttributes and GetQueueUrl. Errors are
 * shaped as SQS sends them (`__type` plus the `x-amzn-query-error` header).
 *
 * @example
 * await sqsRequest(queue, 'ReceiveMessage', '{"QueueUrl":"…","WaitTimeSeconds":20}', 'req-1');
 */
export async function sqsRequest(queue: SimQueue, action: string, body: string, requestId: string): Promise<ApiResponse> {
  queue.calls[action] = (queue.calls[action] ?? 0) + 1;
  try {
    if (queue.knobs.outage) throw new AwsApiError('ServiceUnavailable', 'The queue is unreachable (simulated outage).', { status: 503 });
    const input = parseInput(body);
    if (action === 'GetQueueUrl') return ok({ QueueUrl: queueUrlOf(queue, input) }, requestId);
    checkQueue(queue, input);
    switch (action) {
      case 'ReceiveMessage':
        return ok(await receive(queue, input), requestId);
      case 'DeleteMessage':
        if (!queue.delete(String(input['ReceiptHandle'] ?? ''))) checkHandle(queue, String(input['ReceiptHandle'] ?? ''));
        return ok({}, requestId);
      case 'DeleteMessageBatch':
        return ok(deleteBatch(queue, input), requestId);
      case 'GetQueueAttributes':
        return ok({ Attributes: queue.attributes() }, requestId);
      default:
        throw new AwsApiError('UnsupportedOperation', `Operation ${action} is not supported by the simulator.`);
    }
  } catch (error) {
    if (error instanceof AwsApiError) return sqsError(error, requestId);
    return sqsError(new AwsApiError('InternalError', 'Internal error in the simulator.', { status: 500, cause: error }), requestId);
  }
}

/** The queue URL the simulator serves, for a base URL: `<url>/123456789012/<name>`. */
export function queueUrl(baseUrl: string, accountId: string, name: string): string {
  return `${baseUrl}/${accountId}/${name}`;
}

async function receive(queue: SimQueue, input: Input): Promise<{ Messages?: unknown[] }> {
  const max = intIn(input['MaxNumberOfMessages'], 1, 10, 1, 'MaxNumberOfMessages');
  const wait = intIn(input['WaitTimeSeconds'], 0, MAX_WAIT_SECONDS, 0, 'WaitTimeSeconds');
  const visibility =
    input['VisibilityTimeout'] === undefined ? undefined : intIn(input['VisibilityTimeout'], 0, 43_200, 30, 'VisibilityTimeout');
  const deadline = Date.now() + wait * 1000;
  let messages = queue.receive(max, visibility);
  while (messages.length === 0 && Date.now() < deadline && !queue.knobs.outage) {
    await queue.waitForMessages(deadline - Date.now());
    messages = queue.receive(max, visibility);
  }
  if (messages.length === 0) return {};
  return {
    Messages: messages.map((m) => ({
      MessageId: m.messageId,
      ReceiptHandle: m.receiptHandle,
      MD5OfBody: m.md5,
      Body: m.body,
      Attributes: { ApproximateReceiveCount: String(m.receiveCount), SentTimestamp: String(m.sentAt) },
    })),
  };
}

function deleteBatch(queue: SimQueue, input: Input): { Successful: unknown[]; Failed: unknown[] } {
  const entries = Array.isArray(input['Entries']) ? (input['Entries'] as unknown[]) : [];
  if (entries.length === 0)
    throw new AwsApiError('EmptyBatchRequest', 'There should be at least one DeleteMessageBatchRequestEntry in the request.');
  if (entries.length > 10) throw new AwsApiError('TooManyEntriesInBatchRequest', 'Maximum number of entries per request are 10.');
  const Successful: unknown[] = [];
  const Failed: unknown[] = [];
  for (const entry of entries) {
    const { Id, ReceiptHandle } = (entry ?? {}) as { Id?: unknown; ReceiptHandle?: unknown };
    const handle = typeof ReceiptHandle === 'string' ? ReceiptHandle : '';
    // SQS accepts an outdated handle of a message that is still there (the delete may be lost
    // later); an unknown handle fails its entry only.
    if (queue.delete(handle) || queue.knowsHandle(handle)) Successful.push({ Id });
    else
      Failed.push({ Id, SenderFault: true, Code: 'ReceiptHandleIsInvalid', Message: `The input receipt handle "${handle}" is not valid.` });
  }
  return { Successful, Failed };
}

function checkHandle(queue: SimQueue, handle: string): void {
  if (!queue.knowsHandle(handle)) throw new AwsApiError('ReceiptHandleIsInvalid', `The input receipt handle "${handle}" is not valid.`);
}

function checkQueue(queue: SimQueue, input: Input): void {
  const url = input['QueueUrl'];
  if (typeof url !== 'string' || url.split('/').pop() !== queue.name) {
    throw new AwsApiError('QueueDoesNotExist', 'The specified queue does not exist.');
  }
}

function queueUrlOf(queue: SimQueue, input: Input): string {
  if (input['QueueName'] !== queue.name) throw new AwsApiError('QueueDoesNotExist', 'The specified queue does not exist.');
  return queue.url;
}

function intIn(value: unknown, min: number, max: number, fallback: number, name: string): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw new AwsApiError(
      'InvalidParameterValue',
      `Value ${String(value)} for parameter ${name} is invalid. Must be between ${min} and ${max}.`,
    );
  }
  return value;
}

function parseInput(body: string): Input {
  try {
    const parsed: unknown = body === '' ? {} : JSON.parse(body);
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) return parsed as Input;
  } catch (error) {
    throw new AwsApiError('InvalidParameterValue', 'Malformed JSON body.', { cause: error });
  }
  throw new AwsApiError('InvalidParameterValue', 'Request body must be a JSON object.');
}

function ok(output: unknown, requestId: string): ApiResponse {
  return { status: 200, headers: { 'content-type': JSON_TYPE, 'x-amzn-requestid': requestId }, body: JSON.stringify(output) };
}

/** Query-protocol error codes SQS sends beside the JSON `__type`, which the SDK maps back. */
const QUERY_CODES: Record<string, string> = {
  QueueDoesNotExist: 'AWS.SimpleQueueService.NonExistentQueue',
  UnsupportedOperation: 'AWS.SimpleQueueService.UnsupportedOperation',
};

function sqsError(error: AwsApiError, requestId: string): ApiResponse {
  const fault = error.status >= 500 ? 'Receiver' : 'Sender';
  return {
    status: error.status,
    headers: {
      'content-type': JSON_TYPE,
      'x-amzn-requestid': requestId,
      'x-amzn-query-error': `${QUERY_CODES[error.type] ?? error.type};${fault}`,
    },
    body: JSON.stringify({ __type: `com.amazonaws.sqs#${error.type}`, message: error.message }),
  };
}
