import { SenderError, type Notification, type Sender } from '@mona-ecs/core';
import { IncomingWebhook } from '@slack/webhook';
import { buildSlackMessage } from './buildSlackMessage.js';
import { SlackErrorCode } from './errors.js';
import { classifySlackError, classifyWebhookAnswer } from './classifySlackError.js';
import { observedFetch, type HttpObservation } from './observedFetch.js';
import type { SlackWebhookOptions } from './options.js';

/** Slack: "1 message per second per webhook, short bursts allowed". */
export const WEBHOOK_PACE = Object.freeze({ messagesPerSecond: 1, burst: 1 });

/**
 * A sender that posts each notification to an incoming webhook, one standalone message each
 * (webhooks cannot thread or edit), paced at `WEBHOOK_PACE`. An answer other than
 * `ok` is a failure, even with status 200.
 *
 * One `IncomingWebhook` per send: the SDK takes no per-call `AbortSignal`, so the signal is
 * bound into the `fetch` it is given. Its own retries are off (`retries: 0`): the delivery
 * queue owns retries.
 *
 * @example
 * const sender = createWebhookSender({ webhookUrl: process.env.SLACK_WEBHOOK_URL! });
 * await sender.send(notification, AbortSignal.timeout(10_000));
 */
export function createWebhookSender(options: SlackWebhookOptions): Sender {
  let closed = false;
  const identity = {
    ...(options.username === undefined ? {} : { username: options.username }),
    ...(options.iconEmoji === undefined ? {} : { icon_emoji: options.iconEmoji }),
  };
  return {
    // Slack's documented limit for incoming webhooks: about one message per second.
    pace: WEBHOOK_PACE,
    async send(notification: Notification, signal: AbortSignal): Promise<void> {
      if (closed) throw new SenderError('the Slack sender is closed', { retryable: false, code: SlackErrorCode.Closed });
      const seen: HttpObservation = {};
      const webhook = new IncomingWebhook(options.webhookUrl, {
        ...identity,
        fetch: observedFetch(signal, seen),
        retryConfig: { retries: 0 },
      });
      const mention = options.mentions?.[notification.severity];
      const message = buildSlackMessage(notification, mention === undefined ? {} : { mention });
      let answer: string;
      try {
        signal.throwIfAborted();
        answer = (await webhook.send(message)).text;
      } catch (error) {
        throw classifySlackError(error, seen, signal);
      }
      // The SDK resolves on any 2xx; Slack says `ok` only when it posted the message.
      const refused = classifyWebhookAnswer(answer, seen.status);
      if (refused !== undefined) throw refused;
    },
    async close(): Promise<void> {
      closed = true;
    },
  };
}
