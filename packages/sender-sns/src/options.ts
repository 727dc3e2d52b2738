import type { SenderPlugin } from '@mona-ecs/core';

/** How the SNS `Message` is rendered. */
export const MessageFormat = { text: 'text', json: 'json', chatbot: 'chatbot' } as const;
export type MessageFormat = (typeof MessageFormat)[keyof typeof MessageFormat];

/**
 * Options of the SNS sender, as written in the runner config.
 *
 * @example
 * const options: SnsSenderOptions = { topicArn: 'arn:aws:sns:eu-west-1:123456789012:deploys', messageFormat: 'chatbot' };
 */
export interface SnsSenderOptions {
  /** ARN of the topic; a name ending in `.fifo` makes it a FIFO topic. */
  topicArn: string;
  /** Region of the SNS client; defaults to the region in `topicArn`, since SNS only publishes in the topic's own region. */
  region?: string;
  /** Endpoint override, e.g. LocalStack; `AWS_ENDPOINT_URL`/`AWS_ENDPOINT_URL_SNS` work without it. */
  endpoint?: string;
  /** `text` (default): the formatted text; `json`: the whole event; `chatbot`: AWS Chatbot custom notification. */
  messageFormat?: MessageFormat;
}

/** ARN of a standard or FIFO topic in any partition (aws, aws-cn, aws-us-gov, …). */
const TOPIC_ARN_PATTERN = '^arn:aws[a-z-]*:sns:[a-z0-9-]+:[0-9]{12}:[A-Za-z0-9_-]{1,256}(\\.fifo)?$';

/**
 * JSON Schema of {@link SnsSenderOptions}; unknown keys are rejected.
 *
 * @example
 * new Ajv().validate(snsOptionsSchema, { topicArn: 'arn:aws:sns:eu-west-1:123456789012:deploys' }); // true
 */
export const snsOptionsSchema: SenderPlugin<SnsSenderOptions>['optionsSchema'] = {
  type: 'object',
  properties: {
    topicArn: { type: 'string', pattern: TOPIC_ARN_PATTERN },
    region: { type: 'string', nullable: true, pattern: '^[a-z]{2}(-[a-z]+)+-[0-9]+$' },
    endpoint: { type: 'string', nullable: true, pattern: '^https?://' },
    messageFormat: { type: 'string', nullable: true, enum: ['text', 'json', 'chatbot'] },
  },
  required: ['topicArn'],
  additionalProperties: false,
};

/** The region part of a topic ARN (`arn:aws:sns:<region>:<account>:<name>`). */
export function regionOfTopicArn(topicArn: string): string | undefined {
  return topicArn.split(':')[3] || undefined;
}

/** True for FIFO topics, which require a message group id (and a deduplication id without content-based dedup). */
export function isFifoTopic(topicArn: string): boolean {
  return topicArn.endsWith('.fifo');
}
