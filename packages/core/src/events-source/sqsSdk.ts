/**
 * The SQS SDK, loaded the first time the events input needs it: a process without
 * `events.sqsQueueUrl` never loads it (issue 13, idle start).
 *
 * @example
 * const { ReceiveMessageCommand } = await loadSqsSdk();
 */
export function loadSqsSdk(): Promise<typeof import('@aws-sdk/client-sqs')> {
  return (sdk ??= import('@aws-sdk/client-sqs'));
}

let sdk: Promise<typeof import('@aws-sdk/client-sqs')> | undefined;
