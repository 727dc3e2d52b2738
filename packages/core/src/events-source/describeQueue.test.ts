import { GetQueueAttributesCommand, SQSClient, SQSServiceException } from '@aws-sdk/client-sqs';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { recordingLogger } from '../testing/recordingLogger.js';
import { describeQueue } from './describeQueue.js';

const sqsMock = mockClient(SQSClient);
const URL = 'https://sqs.eu-west-1.amazonaws.com/111122223333/mona-events';
afterEach(() => sqsMock.reset());

describe('describeQueue', () => {
  it('logs the queue it reads, its visibility timeout and that it has a dead-letter queue', async () => {
    sqsMock.on(GetQueueAttributesCommand).resolves({
      Attributes: {
        QueueArn: 'arn:aws:sqs:eu-west-1:111122223333:mona-events',
        VisibilityTimeout: '30',
        RedrivePolicy: '{"maxReceiveCount":5}',
      },
    });
    const logger = recordingLogger();

    const facts = await describeQueue(new SQSClient({ region: 'eu-west-1' }), URL, logger);

    expect(facts).toEqual({ arn: 'arn:aws:sqs:eu-west-1:111122223333:mona-events', visibilityTimeoutSeconds: 30, deadLetterQueue: true });
    expect(logger.entries.filter((e) => e.level === 'warn')).toEqual([]);
  });

  it('warns when the queue has no dead-letter queue', async () => {
    sqsMock.on(GetQueueAttributesCommand).resolves({ Attributes: { QueueArn: 'arn:aws:sqs:eu-west-1:111122223333:mona-events' } });
    const logger = recordingLogger();

    await describeQueue(new SQSClient({ region: 'eu-west-1' }), URL, logger);

    expect(logger.entries.find((e) => e.level === 'warn')?.msg).toMatch(/no dead-letter queue/);
  });

  it('names the IAM action when it is denied, and goes on', async () => {
    sqsMock
      .on(GetQueueAttributesCommand)
      .rejects(new SQSServiceException({ name: 'AccessDenied', $fault: 'client', $metadata: {}, message: 'denied' }));
    const logger = recordingLogger();

    const facts = await describeQueue(new SQSClient({ region: 'eu-west-1' }), URL, logger);

    expect(facts).toBeUndefined();
    expect(logger.entries.find((e) => e.level === 'warn')?.msg).toMatch(/grant sqs:GetQueueAttributes/);
  });
});
