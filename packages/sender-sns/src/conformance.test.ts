import {
  AuthorizationErrorException,
  InternalErrorException,
  InvalidParameterException,
  KMSDisabledException,
  NotFoundException,
  PublishCommand,
  SNSClient,
  ThrottledException,
} from '@aws-sdk/client-sns';
import { senderConformance, type ChannelMode, type SenderHarness } from '@mona-ecs/core/testing';
import { mockClient } from 'aws-sdk-client-mock';
import { describe } from 'vitest';
import plugin from './index.js';
import type { SnsSenderOptions } from './options.js';
import { MAX_MESSAGE_BYTES } from './publishInput.js';

const sns = mockClient(SNSClient);
const $metadata = (httpStatusCode: number) => ({ $metadata: { httpStatusCode } });

/** Node's shape of a network failure below the SDK. */
function networkError(code: string, message: string): Error {
  return Object.assign(new Error(message), { code });
}

const FAILURES: Record<string, () => Error> = {
  InternalError: () => new InternalErrorException({ message: 'internal error', ...$metadata(500) }),
  ServiceUnavailable: () =>
    Object.assign(new Error('Service Unavailable'), { name: 'ServiceUnavailable', $fault: 'server', ...$metadata(503) }),
  Throttled: () => new ThrottledException({ message: 'Rate exceeded', ...$metadata(429) }),
  InvalidParameter: () => new InvalidParameterException({ message: 'Invalid parameter: Message', ...$metadata(400) }),
  AuthorizationError: () => new AuthorizationErrorException({ message: 'not authorized', ...$metadata(403) }),
  NotFound: () => new NotFoundException({ message: 'Topic does not exist', ...$metadata(404) }),
  KMSDisabled: () => new KMSDisabledException({ message: 'key disabled', ...$metadata(400) }),
};

function respond(mode: ChannelMode, variant?: string): void {
  sns.reset();
  const fails = (error: Error) => void sns.on(PublishCommand).rejects(error);
  switch (mode) {
    case 'ok':
      sns.on(PublishCommand).resolves({ MessageId: 'm-1' });
      return;
    case 'hang':
      sns.on(PublishCommand).callsFake(() => new Promise(() => undefined));
      return;
    case 'refused':
      return fails(networkError('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:443'));
    case 'reset':
      return fails(networkError('ECONNRESET', 'socket hang up'));
    default: {
      const fallback = { serverError: 'InternalError', rateLimited: 'Throttled', rejected: 'InvalidParameter' }[mode];
      fails((FAILURES[variant ?? fallback] ?? FAILURES[fallback]!)());
    }
  }
}

const topicArn = 'arn:aws:sns:eu-west-1:123456789012:deploys';
function harness(messageFormat: 'text' | 'chatbot'): SenderHarness<SnsSenderOptions> {
  const inputs = () => sns.commandCalls(PublishCommand).map((call) => call.args[0].input);
  return {
    teardown: () => sns.restore(),
    validOptions: () => ({ topicArn, messageFormat }),
    invalidOptions: [
      { options: { topicArn: 'deploys' }, mentions: 'topicArn' },
      { options: { topicArn, messageFormat: 'xml' }, mentions: 'messageFormat' },
      { options: {}, mentions: 'topicArn' },
    ],
    respond,
    variants: {
      serverError: ['InternalError', 'ServiceUnavailable'],
      rateLimited: ['Throttled'],
      rejected: ['InvalidParameter', 'AuthorizationError', 'NotFound', 'KMSDisabled'],
    },
    // SNS throttling says nothing about when to come back.
    retryAfterMs: null,
    ...(messageFormat === 'text'
      ? {
          markup: 'plain' as const,
          delivered: () => inputs().map(({ Subject, Message }) => ({ Subject, Message })),
          textLimit: {
            max: MAX_MESSAGE_BYTES,
            lengthOf: (input: unknown) => Buffer.byteLength(String((input as { Message: string }).Message)),
          },
        }
      : {
          markup: 'markdown' as const,
          delivered: () => inputs().map((input) => (JSON.parse(input.Message ?? '{}') as { content: unknown }).content),
          textLimit: { max: 8000, lengthOf: (content: unknown) => String((content as { description: string }).description).length },
        }),
  };
}

describe('text messages', () => {
  senderConformance(plugin, harness('text'));
});
describe('AWS Chatbot messages', () => {
  senderConformance(plugin, harness('chatbot'));
});
