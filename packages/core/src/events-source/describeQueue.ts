import type { SQSClient } from '@aws-sdk/client-sqs';
import type { Logger } from '../model/logger.js';
import { loadSqsSdk } from './sqsSdk.js';

/** What the start-up check read of the queue. */
export interface QueueFacts {
  arn?: string;
  visibilityTimeoutSeconds?: number;
  deadLetterQueue: boolean;
}

/**
 * Reads the queue's attributes once at start-up (GetQueueAttributes) and says in the log what
 * Mona reads and what an operator should know: no dead-letter queue means a message that can
 * never be handled keeps coming back until its retention ends. A failure is logged with the fix
 * (the IAM action) and is no reason to stop: the long poll says whether the queue answers.
 *
 * @example
 * await describeQueue(client, queueUrl, logger); // { arn: 'arn:aws:sqs:…:mona-events', visibilityTimeoutSeconds: 30, deadLetterQueue: true }
 */
export async function describeQueue(client: SQSClient, queueUrl: string, logger: Logger | undefined): Promise<QueueFacts | undefined> {
  try {
    const { GetQueueAttributesCommand } = await loadSqsSdk();
    const out = await client.send(
      new GetQueueAttributesCommand({ QueueUrl: queueUrl, AttributeNames: ['QueueArn', 'VisibilityTimeout', 'RedrivePolicy'] }),
    );
    const attributes = out.Attributes ?? {};
    const visibility = Number(attributes.VisibilityTimeout);
    const facts: QueueFacts = {
      ...(attributes.QueueArn ? { arn: attributes.QueueArn } : {}),
      ...(Number.isFinite(visibility) ? { visibilityTimeoutSeconds: visibility } : {}),
      deadLetterQueue: Boolean(attributes.RedrivePolicy),
    };
    logger?.info(facts, 'reading ECS events from the queue');
    if (!facts.deadLetterQueue) {
      logger?.warn(
        { arn: facts.arn },
        'the ECS events queue has no dead-letter queue: a message Mona cannot handle comes back until it expires (see deploy/)',
      );
    }
    return facts;
  } catch (error) {
    logger?.warn({ err: error }, 'GetQueueAttributes failed: grant sqs:GetQueueAttributes on the queue (deploy/iam-policy-events.json)');
    return undefined;
  }
}
