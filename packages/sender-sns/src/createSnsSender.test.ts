import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { AuthorizationErrorException, PublishCommand, SNSClient, ThrottledException } from '@aws-sdk/client-sns';
import { isSenderError } from '@mona-ecs/core';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { deploymentStarted } from './__fixtures__/notifications.js';
import { createSnsSender } from './createSnsSender.js';

const topicArn = 'arn:aws:sns:eu-west-1:123456789012:deploys';

describe('createSnsSender with a mocked SNS client', () => {
  const sns = mockClient(SNSClient);
  afterEach(() => sns.reset());
  afterAll(() => sns.restore());

  it('sends one PublishCommand with the built input and the attempt signal', async () => {
    // Prepare
    sns.on(PublishCommand).resolves({ MessageId: 'm-1' });
    const sender = createSnsSender({ topicArn });
    const signal = new AbortController().signal;
    // Act
    await sender.send(deploymentStarted, signal);
    // Assess
    const calls = sns.commandCalls(PublishCommand);
    expect(calls).toHaveLength(1);
    expect(calls[0]?.args[0].input).toMatchObject({ TopicArn: topicArn, Subject: 'api deployment started' });
    expect((sns.send.getCall(0).args as unknown[])[1]).toEqual({ abortSignal: signal });
  });

  it('rejects with a retryable SenderError when SNS throttles', async () => {
    // Prepare
    sns.on(PublishCommand).rejects(new ThrottledException({ message: 'Rate exceeded', $metadata: { httpStatusCode: 429 } }));
    const sender = createSnsSender({ topicArn });
    // Act
    const error: unknown = await sender.send(deploymentStarted, new AbortController().signal).catch((e: unknown) => e);
    // Assess
    expect(isSenderError(error) && error.retryable).toBe(true);
  });

  it('rejects with a non-retryable SenderError naming sns:Publish on AuthorizationError', async () => {
    // Prepare
    sns.on(PublishCommand).rejects(new AuthorizationErrorException({ message: 'not authorized', $metadata: { httpStatusCode: 403 } }));
    const sender = createSnsSender({ topicArn });
    // Act
    const error: unknown = await sender.send(deploymentStarted, new AbortController().signal).catch((e: unknown) => e);
    // Assess
    expect(isSenderError(error) && !error.retryable).toBe(true);
    expect((error as Error).message).toMatch(/grant sns:Publish on the topic/);
  });

  it('uses the region of the topic ARN and a single attempt per send', async () => {
    // Prepare
    sns.on(PublishCommand).callsFake(async (_input, getClient) => {
      const client = getClient() as SNSClient;
      return { MessageId: `${await client.config.region()}:${await client.config.maxAttempts()}` };
    });
    const sender = createSnsSender({ topicArn: 'arn:aws:sns:ap-southeast-2:123456789012:deploys' });
    // Act
    await sender.send(deploymentStarted, new AbortController().signal);
    // Assess
    expect(await sns.send.getCall(0).returnValue).toEqual({ MessageId: 'ap-southeast-2:1' });
  });

  it('closes idempotently and refuses to send afterwards', async () => {
    // Prepare
    const sender = createSnsSender({ topicArn });
    // Act
    await sender.close?.();
    await sender.close?.();
    // Assess
    await expect(sender.send(deploymentStarted, new AbortController().signal)).rejects.toThrow(/closed/);
  });
});

describe('createSnsSender against a local endpoint', () => {
  let server: Server;
  let endpoint: string;
  const requests: string[] = [];

  beforeAll(async () => {
    vi.stubEnv('AWS_ACCESS_KEY_ID', 'AKIDEXAMPLE');
    vi.stubEnv('AWS_SECRET_ACCESS_KEY', 'secret');
    // Never answers: the only way out of a request is the abort signal.
    server = createServer((req) => {
      requests.push(req.url ?? '');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    vi.unstubAllEnvs();
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  it('rejects promptly with a retryable error when the attempt signal aborts', async () => {
    // Prepare
    const sender = createSnsSender({ topicArn, endpoint });
    const controller = new AbortController();
    // Act
    const pending = sender.send(deploymentStarted, controller.signal).catch((e: unknown) => e);
    await vi.waitFor(() => expect(requests.length).toBe(1));
    controller.abort();
    const error = await pending;
    await sender.close?.();
    // Assess
    expect(isSenderError(error) && error.retryable).toBe(true);
  });
});
