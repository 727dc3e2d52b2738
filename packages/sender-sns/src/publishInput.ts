import type { PublishCommandInput } from '@aws-sdk/client-sns';
import { truncateText, type Notification } from '@mona-ecs/core';
import { serviceOf, toChatbotMessage } from './chatbotMessage.js';
import { isFifoTopic, type SnsSenderOptions } from './options.js';
import { toSnsId } from './snsId.js';
import { toSnsSubject } from './subject.js';

type MessageAttributes = NonNullable<PublishCommandInput['MessageAttributes']>;

/**
 * SNS takes at most 256 KiB (262,144 bytes) per publish, attributes and subject included; the
 * message keeps clear of it, so a huge stop reason is cut by us, not refused by SNS.
 */
export const MAX_MESSAGE_BYTES = 250_000;
/** Each text form in the `json` format; with the event beside them the message stays under the limit. */
const MAX_JSON_TEXT_BYTES = 60_000;

/**
 * Builds the exact `PublishCommand` input for a notification: subject from the title, message
 * in the configured format, filterable message attributes, and the FIFO ids for `.fifo` topics.
 *
 * @example
 * await client.send(new PublishCommand(toPublishInput(notification, { topicArn })));
 */
export function toPublishInput(notification: Notification, options: SnsSenderOptions): PublishCommandInput {
  const input: PublishCommandInput = {
    TopicArn: options.topicArn,
    Subject: toSnsSubject(notification.title, `Mona ${notification.event.type}`),
    Message: renderMessage(notification, options),
    MessageAttributes: messageAttributes(notification),
  };
  if (isFifoTopic(options.topicArn)) {
    const service = serviceOf(notification.event);
    // One group per service keeps a deployment's messages in order without serialising the whole cluster.
    const { account, cluster } = notification.event;
    const where = account ? `${account}/${cluster}` : cluster;
    input.MessageGroupId = toSnsId(service === undefined ? where : `${where}/${service}`);
    input.MessageDeduplicationId = toSnsId(notification.id);
  }
  return input;
}

function renderMessage(notification: Notification, options: SnsSenderOptions): string {
  switch (options.messageFormat ?? 'text') {
    case 'json':
      return jsonMessage(notification);
    case 'chatbot':
      return JSON.stringify(toChatbotMessage(notification));
    default:
      // Subscribers are email, SMS and programs that may forward it anywhere: the plain form, mentions defused.
      return truncateText(notification.plain, MAX_MESSAGE_BYTES, 'bytes');
  }
}

/**
 * The event for machines: `text` (plain), `markdown` and `mrkdwn` (Slack) forms, so a consumer
 * forwarding it picks the form of its channel and never decodes another's. When the event's
 * context (stop reasons, service events) would push the message past the limit, it is left
 * out and `truncated` says so.
 */
function jsonMessage(notification: Notification): string {
  const { id, severity, title, event } = notification;
  const cut = (text: string) => truncateText(text, MAX_JSON_TEXT_BYTES, 'bytes');
  const body = {
    id,
    type: event.type,
    severity,
    title,
    text: cut(notification.plain),
    markdown: cut(notification.markdown),
    mrkdwn: cut(notification.text),
    event,
  };
  const whole = JSON.stringify(body);
  if (Buffer.byteLength(whole, 'utf8') <= MAX_MESSAGE_BYTES) return whole;
  const { context: _dropped, ...withoutContext } = event as typeof event & { context?: unknown };
  return JSON.stringify({ ...body, event: withoutContext, truncated: true });
}

/** String attributes for subscription filter policies; SNS rejects empty values, so those are left out. */
function messageAttributes(notification: Notification): MessageAttributes {
  const values: Record<string, string | undefined> = {
    eventType: notification.event.type,
    cluster: notification.event.cluster,
    // Left out for a single account (SNS rejects empty values); filter policies can route by account.
    account: notification.event.account,
    accountId: notification.event.accountId,
    service: serviceOf(notification.event),
    severity: notification.severity,
  };
  const attributes: MessageAttributes = {};
  for (const [name, value] of Object.entries(values)) {
    if (value !== undefined && value !== '') attributes[name] = { DataType: 'String', StringValue: value };
  }
  return attributes;
}
