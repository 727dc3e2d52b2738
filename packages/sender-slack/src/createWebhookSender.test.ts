import { type Notification, isSenderError } from '@mona-ecs/core';
import { HOSTILE_REASON, sampleEvents, sampleNotification } from '@mona-ecs/core/testing';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { FakeSlack, RETRY_AFTER_SECONDS } from './__fixtures__/fakeSlack.js';
import { createWebhookSender } from './createWebhookSender.js';

const slack = new FakeSlack();
beforeAll(() => slack.listen());
afterAll(() => slack.close());
beforeEach(() => slack.reset());

function notificationOf(type: string): Notification {
  const event = sampleEvents().find((e) => e.type === type);
  if (!event) throw new Error(`no sample ${type}`);
  return sampleNotification(event);
}

async function failureOf(promise: Promise<unknown>): Promise<{ retryable: boolean; retryAfterMs?: number; message: string }> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!isSenderError(error)) throw new Error(`expected a SenderError, got ${String(error)}`);
  return error;
}

describe('createWebhookSender', () => {
  it('posts the text, blocks and severity colour to the webhook', async () => {
    // Prepare
    const sender = createWebhookSender({ webhookUrl: slack.webhookUrl, username: 'Mona', iconEmoji: ':rocket:' });
    const notification = notificationOf('DeploymentCompleted');

    // Act
    await sender.send(notification, new AbortController().signal);

    // Assess
    const [body] = slack.delivered();
    expect(body).toMatchObject({ text: notification.text, username: 'Mona', icon_emoji: ':rocket:' });
    expect(body?.['blocks']).toEqual([{ type: 'section', text: { type: 'mrkdwn', text: notification.text } }]);
    expect(body?.['attachments']).toMatchObject([{ color: '#2EB67D' }]);
  });

  it('puts the configured mention in front of error messages only', async () => {
    // Prepare
    const sender = createWebhookSender({ webhookUrl: slack.webhookUrl, mentions: { error: '<!here>' } });

    // Act
    await sender.send(notificationOf('DeploymentFailed'), new AbortController().signal);
    await sender.send(notificationOf('DeploymentStarted'), new AbortController().signal);

    // Assess
    const [failed, started] = slack.delivered();
    expect(String(failed?.['text'])).toMatch(/^<!here> /);
    expect(String(started?.['text'])).not.toContain('<!here>');
  });

  it('delivers a stop reason with <!channel> and <script> escaped', async () => {
    // Prepare
    const sender = createWebhookSender({ webhookUrl: slack.webhookUrl });

    // Act
    await sender.send(notificationOf('DeploymentFailed'), new AbortController().signal);

    // Assess
    const raw = JSON.stringify(slack.delivered());
    expect(HOSTILE_REASON).toContain('<!channel>');
    expect(raw).not.toContain('<!channel>');
    expect(raw).not.toContain('<script>');
    expect(raw).not.toContain('<@U012AB3CD>');
    expect(raw).toContain('&lt;!channel&gt;');
    expect(raw).toContain('&lt;script&gt;');
  });

  it('classifies 429 as retryable with the Retry-After delay', async () => {
    // Prepare
    const sender = createWebhookSender({ webhookUrl: slack.webhookUrl });
    slack.answer('rateLimited');

    // Act
    const error = await failureOf(sender.send(notificationOf('DeploymentStarted'), new AbortController().signal));

    // Assess
    expect(error).toMatchObject({ retryable: true, retryAfterMs: RETRY_AFTER_SECONDS * 1000 });
  });

  it('classifies 400 invalid_payload as not retryable', async () => {
    // Prepare
    const sender = createWebhookSender({ webhookUrl: slack.webhookUrl });
    slack.answer('rejected');

    // Act
    const error = await failureOf(sender.send(notificationOf('DeploymentStarted'), new AbortController().signal));

    // Assess
    expect(error.retryable).toBe(false);
    expect(error.message).toContain('invalid_payload');
  });

  it.each(['invalid_payload', 'no_text', 'channel_is_archived', 'user_not_found'])(
    'does not count a 200 answer of %s as delivered',
    async (code) => {
      // Prepare
      const sender = createWebhookSender({ webhookUrl: slack.webhookUrl });
      slack.script({ status: 200, body: code });

      // Act
      const error = await failureOf(sender.send(notificationOf('DeploymentStarted'), new AbortController().signal));

      // Assess
      expect(error.retryable).toBe(false);
      expect(error.message).toContain(code);
    },
  );

  it("declares Slack's webhook pace of one message a second", () => {
    // Prepare, Act
    const sender = createWebhookSender({ webhookUrl: slack.webhookUrl });

    // Assess
    expect(sender.pace).toEqual({ messagesPerSecond: 1, burst: 1 });
  });

  it('classifies 404 no_service as not retryable and asks for a new webhook', async () => {
    // Prepare
    const sender = createWebhookSender({ webhookUrl: slack.webhookUrl });
    slack.script({ status: 404, body: 'no_service' });

    // Act
    const error = await failureOf(sender.send(notificationOf('DeploymentStarted'), new AbortController().signal));

    // Assess
    expect(error.retryable).toBe(false);
    expect(error.message).toContain('create a new incoming webhook');
  });

  it('classifies 500 as retryable and makes exactly one request (the SDK does not retry)', async () => {
    // Prepare
    const sender = createWebhookSender({ webhookUrl: slack.webhookUrl });
    slack.answer('serverError');

    // Act
    const error = await failureOf(sender.send(notificationOf('DeploymentStarted'), new AbortController().signal));

    // Assess
    expect(error.retryable).toBe(true);
    expect(slack.requests).toHaveLength(1);
  });

  it('gives up a hung request when the signal aborts, as retryable', async () => {
    // Prepare
    const sender = createWebhookSender({ webhookUrl: slack.webhookUrl });
    slack.answer('hang');
    const controller = new AbortController();

    // Act
    const sending = failureOf(sender.send(notificationOf('DeploymentStarted'), controller.signal));
    await slack.received(1);
    controller.abort(new Error('attempt timed out'));
    const error = await sending;

    // Assess
    expect(error.retryable).toBe(true);
    expect(error.message).toContain('aborted');
  });

  it('classifies a refused connection as retryable', async () => {
    // Prepare
    const closed = new FakeSlack();
    await closed.listen();
    const url = closed.webhookUrl;
    await closed.close();
    const sender = createWebhookSender({ webhookUrl: url });

    // Act
    const error = await failureOf(sender.send(notificationOf('DeploymentStarted'), new AbortController().signal));

    // Assess
    expect(error.retryable).toBe(true);
    expect(error.message).toContain('ECONNREFUSED');
  });

  it('refuses to send after close, and closes twice without error', async () => {
    // Prepare
    const sender = createWebhookSender({ webhookUrl: slack.webhookUrl });

    // Act
    await sender.close?.();
    await sender.close?.();
    const error = await failureOf(sender.send(notificationOf('DeploymentStarted'), new AbortController().signal));

    // Assess
    expect(error.retryable).toBe(false);
    expect(slack.requests).toHaveLength(0);
  });
});
