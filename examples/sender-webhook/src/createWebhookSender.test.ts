import { describe, expect, it } from 'vitest';
import { sampleNotifications } from '@mona-ecs/core/testing';
import type { Notification } from '@mona-ecs/core';
import { createWebhookSender } from './createWebhookSender.js';

const deploymentStarted = (): Notification => {
  const found = sampleNotifications().find((n) => n.event.type === 'DeploymentStarted');
  if (!found) throw new Error('no DeploymentStarted sample');
  return found;
};

describe('createWebhookSender', () => {
  it('posts the notification as JSON with the configured headers and an idempotency key', async () => {
    // Prepare
    const calls: Array<{ url: string; init: RequestInit }> = [];
    const fakeFetch = (async (url: string, init: RequestInit) => {
      calls.push({ url, init });
      return new Response(null, { status: 200 });
    }) as unknown as typeof fetch;
    const sender = createWebhookSender({ url: 'https://hooks.example/mona', headers: { authorization: 'Bearer t' } }, { fetch: fakeFetch });
    const notification = deploymentStarted();

    // Act
    await sender.send(notification, new AbortController().signal);

    // Assess
    const headers = calls[0]?.init.headers as Record<string, string>;
    expect(calls[0]?.url).toBe('https://hooks.example/mona');
    expect(headers['authorization']).toBe('Bearer t');
    expect(headers['idempotency-key']).toBe(notification.id);
    expect(JSON.parse(String(calls[0]?.init.body))).toMatchObject({
      id: notification.id,
      text: notification.plain,
      markdown: notification.markdown,
      event: { type: 'DeploymentStarted' },
    });
  });

  it('classifies a network failure as retryable', async () => {
    // Prepare
    const failing = (async () => {
      throw new TypeError('fetch failed');
    }) as unknown as typeof fetch;
    const sender = createWebhookSender({ url: 'https://hooks.example/mona' }, { fetch: failing });

    // Act
    const error = await sender.send(deploymentStarted(), new AbortController().signal).catch((e: unknown) => e);

    // Assess
    expect(error).toMatchObject({ retryable: true });
  });
});
