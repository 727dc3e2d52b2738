import type * as SqsSdk from '@aws-sdk/client-sqs';

/**
 * The SQS SDK, loaded the first time the events input needs it: a process without
 * `events.sqsQueueUrl` never loads it (issue 13, idle start).
 *
 * @example
 * const { ReceiveMessageCommand } = await loadSqsSdk();
 */
export function loadSqsSdk(): Promise<typeof SqsSdk> {
  return (sdk ??= import('@aws-sdk/client-sqs'));
}

let sdk: Promise<typeof SqsSdk> | undefined;
