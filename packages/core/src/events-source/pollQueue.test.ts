import { DeleteMessageBatchCommand, ReceiveMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { pollQueue } from './pollQueue.js';

const sqsMock = mockClient(SQSClient);
const QUEUE_URL = 'https://sqs.eu-west-1.amazonaws.com/111122223333/q';
afterEach(() => sqsMock.reset());

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('pollQueue', () => {
  it('counts a message whose delete failed as kept: it comes back, and a duplicate changes nothing', async () => {
    // Prepare
    let served = false;
    sqsMock.on(ReceiveMessageCommand).callsFake(async () => {
      if (served) {
        await sleep(10);
        return {};
      }
      served = true;
      return {
        Messages: [
          { MessageId: 'a', ReceiptHandle: 'ha', Body: '{}' },
          { MessageId: 'b', ReceiptHandle: 'hb', Body: '{}' },
        ],
      };
    });
    sqsMock
      .on(DeleteMessageBatchCommand)
      .resolves({ Successful: [{ Id: '0' }], Failed: [{ Id: '1', Code: 'ReceiptHandleIsInvalid', SenderFault: true }] });
    const controller = new AbortController();

    // Act
    const polling = pollQueue({
      client: new SQSClient({ region: 'eu-west-1' }),
      queueUrl: QUEUE_URL,
      handle: async (messages) => messages.map(() => true),
      onReceive: () => undefined,
      retryDelayMs: () => 10,
      signal: controller.signal,
    });
    for (let i = 0; i < 100 && sqsMock.commandCalls(DeleteMessageBatchCommand).length === 0; i += 1) await sleep(10);
    controller.abort();
    const stats = await polling;

    // Assess
    expect(stats).toMatchObject({ received: 2, deleted: 1, kept: 1, deleteCalls: 1 });
  });

  it('waits longer after each failed receive and stops at once when aborted', async () => {
    sqsMock.on(ReceiveMessageCommand).rejects(new Error('down'));
    const waits: number[] = [];
    const controller = new AbortController();

    const polling = pollQueue({
      client: new SQSClient({ region: 'eu-west-1' }),
      queueUrl: QUEUE_URL,
      handle: async () => [],
      onReceive: () => undefined,
      retryDelayMs: (attempt) => {
        waits.push(attempt);
        return attempt * 5;
      },
      signal: controller.signal,
    });
    for (let i = 0; i < 100 && waits.length < 3; i += 1) await sleep(10);
    controller.abort();
    const stats = await polling;

    expect(waits.slice(0, 3)).toEqual([1, 2, 3]);
    expect(stats.receiveErrors).toBeGreaterThanOrEqual(3);
    expect(sqsMock.commandCalls(DeleteMessageBatchCommand)).toHaveLength(0);
  });
});
