import { SenderError, type Notification, type Sender } from '@mona-ecs/core';
import { IncomingWebhook } from '@slack/webhook';
import { buildSlackMessage } from './buildSlackMessage.js';
import { SlackErrorCode } from './errors.js';
import { classifySlackError } from './classifySlackError.js';
import { observedFetch, type HttpObservation } from './observedFetch.js';
import type { SlackWebhookOptions } from './options.js';

/**
 * A sender that posts each notification to an incoming webhook, one standalone message each
 * (webhooks cannot thread or edit).
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
      try {
        signal.throwIfAborted();
        await webhook.send(message);
      } catch (error) {
        throw classifySlackError(error, seen, signal);
      }
    },
    async close(): Promise<void> {
      closed = true;
    },
  };
}
