import { PublishCommand } from '@aws-sdk/client-sns';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startSimulator } from './startSimulator.js';
import { snsClient } from './__fixtures__/clients.js';
import type { SNSClient } from '@aws-sdk/client-sns';
import type { Simulator } from './Simulator.js';

let sim: Simulator;
let sns: SNSClient;

beforeEach(async () => {
  sim = await startSimulator({ region: 'eu-west-1' });
  sns = snsClient(sim);
});

afterEach(async () => {
  sns.destroy();
  await sim.close();
});

describe('SNS Publish', () => {
  it('answers the SDK with a MessageId and records the message with its attributes', async () => {
    const out = await sns.send(
      new PublishCommand({
        TopicArn: 'arn:aws:sns:eu-west-1:123456789012:deploys',
        Subject: 'api deployed',
        Message: 'api: deployment done & <ok>',
        MessageAttributes: {
          eventType: { DataType: 'String', StringValue: 'DeploymentCompleted' },
          severity: { DataType: 'String', StringValue: 'success' },
        },
      }),
    );

    expect(out.MessageId).toMatch(/^[0-9a-f-]{36}$/);
    expect(sim.published).toHaveLength(1);
    expect(sim.published[0]).toMatchObject({
      messageId: out.MessageId,
      topicArn: 'arn:aws:sns:eu-west-1:123456789012:deploys',
      subject: 'api deployed',
      message: 'api: deployment done & <ok>',
      messageAttributes: {
        eventType: { dataType: 'String', value: 'DeploymentCompleted' },
        severity: { dataType: 'String', value: 'success' },
      },
    });
  });

  it('does not count SNS calls among the ECS calls', async () => {
    await sns.send(new PublishCommand({ TopicArn: 'arn:aws:sns:eu-west-1:123456789012:t', Message: 'x' }));

    expect(sim.calls).toEqual({});
  });

  it('answers an unsupported SNS action with an SNS XML error', async () => {
    const res = await fetch(`${sim.url}/sns`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'Action=Subscribe&Version=2010-03-31',
    });

    expect(res.status).toBe(400);
    expect(await res.text()).toContain('<Code>InvalidAction</Code>');
    expect(sim.published).toEqual([]);
  });
});
