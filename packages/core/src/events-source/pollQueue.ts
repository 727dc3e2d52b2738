import type { Message, SQSClient } from '@aws-sdk/client-sqs';
import type { Logger } from '../model/logger.js';
import { loadSqsSdk } from './sqsSdk.js';

/** SQS maxima: 10 messages a receive, a 20 s long poll, 10 entries a delete batch. */
export const RECEIVE_MAX_MESSAGES = 10;
export const RECEIVE_WAIT_SECONDS = 20;

/** What `pollQueue` needs. */
export interface PollQueueOptions {
  client: SQSClient;
  queueUrl: string;
  /** Long pollers running side by side. Default 1 (one poller reads 10 messages per round trip). */
  pollers?: number;
  /** Per message: whether it was handled (true: delete it; false: leave it to come back). */
  handle(messages: readonly Message[]): Promise<boolean[]>;
  /** After each receive: `undefined` when it answered, else the error. */
  onReceive(error: unknown): void;
  /** Wait before the `attempt`-th receive after failures in a row (ms). */
  retryDelayMs(attempt: number): number;
  signal: AbortSignal;
  logger?: Logger | undefined;
}

/** What the poller did, for logs and metrics. */
export interface PollQueueStats {
  receives: number;
  received: number;
  deleted: number;
  /** Left on the queue: not handled, or their delete failed; they come back after the visibility timeout. */
  kept: number;
  deleteCalls: number;
  receiveErrors: number;
}

/**
 * Long-polls an SQS queue (ReceiveMessage, up to 10 messages, 20 s wait) with `pollers`
 * loops, hands each batch to `handle` without waiting for it (the next receive starts at
 * once), and deletes what it handled with one DeleteMessageBatch per batch. A message that was
 * not handled, or whose delete failed, is never deleted: its visibility timeout brings it back.
 * Resolves once `signal` aborted and every batch in hand was settled.
 *
 * @example
 * const stats = await pollQueue({ client, queueUrl, handle, onReceive, retryDelayMs: () => 1000, signal });
 */
export async function pollQueue(options: PollQueueOptions, stats: PollQueueStats = emptyPollStats()): Promise<PollQueueStats> {
  const inHand = new Set<Promise<void>>();
  const { ReceiveMessageCommand } = await loadSqsSdk();
  const loop = async (): Promise<void> => {
    let failures = 0;
    while (!options.signal.aborted) {
      let messages: Message[];
      try {
        stats.receives += 1;
        const out = await options.client.send(
          new ReceiveMessageCommand({
            QueueUrl: options.queueUrl,
            MaxNumberOfMessages: RECEIVE_MAX_MESSAGES,
            WaitTimeSeconds: RECEIVE_WAIT_SECONDS,
            MessageSystemAttributeNames: ['ApproximateReceiveCount'],
          }),
          { abortSignal: options.signal },
        );
        messages = out.Messages ?? [];
        failures = 0;
        options.onReceive(undefined);
      } catch (error) {
        if (options.signal.aborted) break;
        stats.receiveErrors += 1;
        failures += 1;
        options.onReceive(error);
        await sleep(options.retryDelayMs(failures), options.signal);
        continue;
      }
      if (messages.length === 0) continue;
      stats.received += messages.length;
      const settled = settle(options, messages, stats).finally(() => inHand.delete(settled));
      inHand.add(settled);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, options.pollers ?? 1) }, loop));
  await Promise.all([...inHand]);
  return stats;
}

/** Counters at zero. */
export function emptyPollStats(): PollQueueStats {
  return { receives: 0, received: 0, deleted: 0, kept: 0, deleteCalls: 0, receiveErrors: 0 };
}

async function settle(options: PollQueueOptions, messages: readonly Message[], stats: PollQueueStats): Promise<void> {
  let verdicts: boolean[];
  try {
    verdicts = await options.handle(messages);
  } catch (error) {
    options.logger?.warn(
      { err: error, messages: messages.length },
      'handling ECS events failed: they come back after the visibility timeout',
    );
    verdicts = [];
  }
  const entries = messages.flatMap((m, i) =>
    verdicts[i] === true && m.ReceiptHandle ? [{ Id: String(i), ReceiptHandle: m.ReceiptHandle }] : [],
  );
  stats.kept += messages.length - entries.length;
  if (entries.length === 0) return;
  try {
    stats.deleteCalls += 1;
    // No abort signal: a batch in hand at shutdown is still deleted, or it would come back as a duplicate.
    const { DeleteMessageBatchCommand } = await loadSqsSdk();
    const out = await options.client.send(new DeleteMessageBatchCommand({ QueueUrl: options.queueUrl, Entries: entries }));
    const failed = out.Failed ?? [];
    stats.deleted += entries.length - failed.length;
    stats.kept += failed.length;
    if (failed.length > 0) {
      options.logger?.warn(
        { failed: failed.map((f) => f.Code) },
        'DeleteMessageBatch left messages on the queue: they come back as duplicates, which change nothing',
      );
    }
  } catch (error) {
    stats.kept += entries.length;
    options.logger?.warn(
      { err: error, messages: entries.length },
      'DeleteMessageBatch failed: the messages come back as duplicates, which change nothing',
    );
  }
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const timer = setTimeout(done, ms);
    function done(): void {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done, { once: true });
  });
}
