import { PublishCommand, SNSClient } from '@aws-sdk/client-sns';
import { type Sender } from '@mona-ecs/core';
import { abortable } from '@mona-ecs/core/sender';
import { classifySnsError } from './classifySnsError.js';
import { regionOfTopicArn, type SnsSenderOptions } from './options.js';
import { toPublishInput } from './publishInput.js';

/** Test and embedding seam: bring your own client (its retry settings are then yours). */
export interface SnsSenderDeps {
  client?: SNSClient;
}

/**
 * Creates a sender that publishes each notification to an SNS topic.
 *
 * @example
 * const sender = createSnsSender({ topicArn: 'arn:aws:sns:eu-west-1:123456789012:deploys' });
 * await sender.send(notification, AbortSignal.timeout(10_000));
 * await sender.close();
 */
export function createSnsSender(options: SnsSenderOptions, deps: SnsSenderDeps = {}): Sender {
  const region = options.region ?? regionOfTopicArn(options.topicArn);
  const ownsClient = deps.client === undefined;
  const client = deps.client ?? createClient(options, region);
  let closed = false;
  return {
    async send(notification, signal) {
      if (closed) throw new Error('SNS sender is closed');
      try {
        await abortable(client.send(new PublishCommand(toPublishInput(notification, options)), { abortSignal: signal }), signal);
      } catch (error) {
        throw classifySnsError(error, { topicArn: options.topicArn, region, signal });
      }
    },
    async close() {
      if (closed) return;
      closed = true;
      // A client passed in belongs to the caller, who may still use it.
      if (ownsClient) client.destroy();
    },
  };
}

function createClient(options: SnsSenderOptions, region: string | undefined): SNSClient {
  return new SNSClient({
    // The core delivery queue owns retries (backoff, jitter, age limit); SDK retries would multiply them.
    maxAttempts: 1,
    ...(region !== undefined && { region }),
    ...(options.endpoint !== undefined && { endpoint: options.endpoint }),
  });
}
