import type { PublishCommandInput } from '@aws-sdk/client-sns';
import { plainText, type Notification } from '@mona-ecs/core';
import { serviceOf, toChatbotMessage } from './chatbotMessage.js';
import { isFifoTopic, type SnsSenderOptions } from './options.js';
import { toSnsId } from './snsId.js';
import { toSnsSubject } from './subject.js';

type MessageAttributes = NonNullable<PublishCommandInput['MessageAttributes']>;

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
    input.MessageGroupId = toSnsId(service === undefined ? notification.event.cluster : `${notification.event.cluster}/${service}`);
    input.MessageDeduplicationId = toSnsId(notification.id);
  }
  return input;
}

function renderMessage(notification: Notification, options: SnsSenderOptions): string {
  switch (options.messageFormat ?? 'text') {
    case 'json': {
      const { id, severity, title, text, event } = notification;
      return JSON.stringify({ id, type: event.type, severity, title, text, event });
    }
    case 'chatbot':
      return JSON.stringify(toChatbotMessage(notification));
    default:
      // Chatbot and json keep the mrkdwn text: Chatbot renders it in Slack, where the escaping matters.
      return plainText(notification.text);
  }
}

/** String attributes for subscription filter policies; SNS rejects empty values, so those are left out. */
function messageAttributes(notification: Notification): MessageAttributes {
  const values: Record<string, string | undefined> = {
    eventType: notification.event.type,
    cluster: notification.event.cluster,
    service: serviceOf(notification.event),
    severity: notification.severity,
  };
  const attributes: MessageAttributes = {};
  for (const [name, value] of Object.entries(values)) {
    if (value !== undefined && value !== '') attributes[name] = { DataType: 'String', StringValue: value };
  }
  return attributes;
}
