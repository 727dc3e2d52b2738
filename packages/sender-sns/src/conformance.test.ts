import { InternalErrorException, InvalidParameterException, PublishCommand, SNSClient, ThrottledException } from '@aws-sdk/client-sns';
import { senderConformance, type ChannelMode, type SenderHarness } from '@mona-ecs/core/testing';
import { mockClient } from 'aws-sdk-client-mock';
import plugin from './index.js';
import type { SnsSenderOptions } from './options.js';

const sns = mockClient(SNSClient);
const $metadata = (httpStatusCode: number) => ({ httpStatusCode });

/** A Publish that only ends when the caller's abort signal fires, as a stalled connection would. */
function hangUntilAborted(): void {
  sns.on(PublishCommand).callsFake(() => new Promise(() => undefined));
}

function respond(mode: ChannelMode): void {
  sns.reset();
  switch (mode) {
    case 'ok':
      sns.on(PublishCommand).resolves({ MessageId: 'm-1' });
      return;
    case 'serverError':
      sns.on(PublishCommand).rejects(new InternalErrorException({ message: 'internal error', $metadata: $metadata(500) }));
      return;
    case 'rateLimited':
      sns.on(PublishCommand).rejects(new ThrottledException({ message: 'Rate exceeded', $metadata: $metadata(429) }));
      return;
    case 'rejected':
      sns.on(PublishCommand).rejects(new InvalidParameterException({ message: 'Invalid parameter: Message', $metadata: $metadata(400) }));
      return;
    case 'hang':
      hangUntilAborted();
      return;
  }
}

const harness: SenderHarness<SnsSenderOptions> = {
  teardown: () => sns.restore(),
  validOptions: () => ({ topicArn: 'arn:aws:sns:eu-west-1:123456789012:deploys', messageFormat: 'json' }),
  invalidOptions: [
    { options: { topicArn: 'deploys' }, mentions: 'topicArn' },
    { options: { topicArn: 'arn:aws:sns:eu-west-1:123456789012:deploys', messageFormat: 'xml' }, mentions: 'messageFormat' },
    { options: {}, mentions: 'topicArn' },
  ],
  respond,
  delivered: () => sns.commandCalls(PublishCommand).map((call) => call.args[0].input),
};

senderConformance(plugin, harness);
