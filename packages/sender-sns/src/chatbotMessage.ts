import { truncateText, type MonitorEvent, type Notification } from '@mona-ecs/core';

/**
 * The AWS Chatbot (Amazon Q Developer in chat applications) custom notification shape. Chatbot
 * only renders SNS messages in this shape (or AWS service events); anything else is ignored.
 */
export interface ChatbotMessage {
  version: '1.0';
  source: 'custom';
  id: string;
  content: {
    textType: 'client-markdown';
    title: string;
    description: string;
    nextSteps?: string[];
    keywords: string[];
  };
  metadata: {
    threadId?: string;
    summary: string;
    eventType: string;
    additionalContext: Record<string, string>;
  };
}

/** Chatbot truncates long descriptions; keep well inside its limit so the end of the text is ours. */
const MAX_DESCRIPTION = 8000;

/**
 * Renders a notification as an AWS Chatbot custom notification. All messages of one deployment
 * share a `threadId`, so Chatbot threads them (when the channel allows threads), as the Slack
 * sender does in bot mode.
 *
 * @example
 * JSON.stringify(toChatbotMessage(notification)); // the SNS Message for a topic subscribed by Chatbot
 */
export function toChatbotMessage(notification: Notification): ChatbotMessage {
  const { event } = notification;
  const service = serviceOf(event);
  const threadId = 'deploymentId' in event ? `${event.cluster}/${event.service}/${event.deploymentId}` : undefined;
  const consoleUrl = 'consoleUrl' in event ? event.consoleUrl : undefined;
  return {
    version: '1.0',
    source: 'custom',
    id: notification.id,
    content: {
      textType: 'client-markdown',
      title: notification.title,
      // Markdown, mentions defused: Chatbot posts it to Slack, Teams or Chime, and renders it as Markdown.
      description: truncateText(notification.markdown, MAX_DESCRIPTION),
      ...(consoleUrl !== undefined && { nextSteps: [`Open the service in the AWS console: ${consoleUrl}`] }),
      keywords: [notification.severity, event.cluster, ...(service === undefined ? [] : [service])],
    },
    metadata: {
      ...(threadId !== undefined && { threadId }),
      summary: notification.title,
      eventType: event.type,
      additionalContext: additionalContext(event),
    },
  };
}

/** Service name of a service-level event, undefined for cluster-level ones. */
export function serviceOf(event: MonitorEvent): string | undefined {
  return 'service' in event ? event.service : undefined;
}

function additionalContext(event: MonitorEvent): Record<string, string> {
  const context: Record<string, string> = { cluster: event.cluster, region: event.region };
  if ('service' in event) context['service'] = event.service;
  if ('taskDef' in event) context['taskDefinition'] = event.taskDef;
  if ('deploymentId' in event) context['deploymentId'] = event.deploymentId;
  return context;
}
