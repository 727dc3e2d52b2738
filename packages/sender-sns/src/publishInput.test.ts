import { sampleNotifications } from '@mona-ecs/core/testing';
import { describe, expect, it } from 'vitest';
import { deploymentFailed, deploymentStarted, monitorStarted, serviceRemoved } from './__fixtures__/notifications.js';
import { textForms } from '@mona-ecs/core';
import { MAX_MESSAGE_BYTES, toPublishInput } from './publishInput.js';

const topicArn = 'arn:aws:sns:eu-west-1:123456789012:deploys';
const fifoArn = 'arn:aws:sns:eu-west-1:123456789012:deploys.fifo';

describe('toPublishInput', () => {
  it('publishes the text with subject and filterable attributes for a deployment start', () => {
    // Act
    const input = toPublishInput(deploymentStarted, { topicArn });
    // Assess
    expect(input).toEqual({
      TopicArn: topicArn,
      Subject: 'api deployment started',
      Message: '🔃 `api` deployment started with task definition `api:42`',
      MessageAttributes: {
        eventType: { DataType: 'String', StringValue: 'DeploymentStarted' },
        cluster: { DataType: 'String', StringValue: 'prod' },
        service: { DataType: 'String', StringValue: 'api' },
        severity: { DataType: 'String', StringValue: 'info' },
      },
    });
  });

  it('leaves the service attribute out for cluster-level events', () => {
    // Act
    const input = toPublishInput(monitorStarted, { topicArn });
    // Assess
    expect(Object.keys(input.MessageAttributes ?? {})).toEqual(['eventType', 'cluster', 'severity']);
  });

  it('groups FIFO messages by cluster/service and de-duplicates by notification id', () => {
    // Act
    const input = toPublishInput(deploymentStarted, { topicArn: fifoArn });
    // Assess
    expect(input.MessageGroupId).toBe('prod/api');
    expect(input.MessageDeduplicationId).toBe('prod/api/ecs-svc/1234567890/DeploymentStarted');
  });

  it('groups FIFO cluster-level events by cluster', () => {
    // Act
    const input = toPublishInput(monitorStarted, { topicArn: fifoArn });
    // Assess
    expect(input.MessageGroupId).toBe('prod');
  });

  it('sets no FIFO fields on a standard topic', () => {
    // Act
    const input = toPublishInput(serviceRemoved, { topicArn });
    // Assess
    expect(input).not.toHaveProperty('MessageGroupId');
    expect(input).not.toHaveProperty('MessageDeduplicationId');
  });

  it('publishes the full event as JSON with the json format', () => {
    // Act
    const input = toPublishInput(deploymentFailed, { topicArn, messageFormat: 'json' });
    // Assess
    expect(JSON.parse(input.Message ?? '')).toEqual({
      id: deploymentFailed.id,
      type: 'DeploymentFailed',
      severity: 'error',
      title: 'api deployment failed',
      text: deploymentFailed.plain,
      markdown: deploymentFailed.markdown,
      mrkdwn: deploymentFailed.text,
      event: deploymentFailed.event,
    });
  });

  it('publishes an AWS Chatbot custom notification with the chatbot format', () => {
    // Act
    const input = toPublishInput(deploymentFailed, { topicArn, messageFormat: 'chatbot' });
    // Assess
    expect(JSON.parse(input.Message ?? '')).toEqual({
      version: '1.0',
      source: 'custom',
      id: deploymentFailed.id,
      content: {
        textType: 'client-markdown',
        title: 'api deployment failed',
        description: deploymentFailed.markdown,
        nextSteps: [
          'Open the service in the AWS console: https://eu-west-1.console.aws.amazon.com/ecs/v2/clusters/prod/services/api/health?region=eu-west-1',
        ],
        keywords: ['error', 'prod', 'api'],
      },
      metadata: {
        threadId: 'prod/api/ecs-svc/1234567890',
        summary: 'api deployment failed',
        eventType: 'DeploymentFailed',
        additionalContext: {
          cluster: 'prod',
          region: 'eu-west-1',
          service: 'api',
          taskDefinition: 'api:42',
          deploymentId: 'ecs-svc/1234567890',
        },
      },
    });
  });

  it('publishes the plain form to standard subscribers, where a forwarded mention or tag stays inert', () => {
    // Prepare
    const text = ':x: `api` failed: &lt;!channel&gt; @here &lt;script&gt; &amp; more';
    // Act
    const input = toPublishInput({ ...deploymentStarted, text, ...textForms(text) }, { topicArn });
    // Assess
    expect(input.Message).toBe('❌ `api` failed: ‹!channel> @\u200Bhere ‹script> & more');
  });

  it('cuts a text past the SNS size limit instead of having the publish refused', () => {
    // Prepare
    const text = `:x: \`api\` failed: ${'é'.repeat(300_000)}`;
    // Act
    const input = toPublishInput({ ...deploymentStarted, text, ...textForms(text) }, { topicArn });
    // Assess
    expect(Buffer.byteLength(input.Message ?? '')).toBeLessThanOrEqual(MAX_MESSAGE_BYTES);
    expect(input.Message).toMatch(/^❌ `api` failed: é+…$/);
  });

  it('leaves the event context out of a json message that would be too large, and says so', () => {
    // Prepare
    const huge = 'x'.repeat(300_000);
    const event = { ...deploymentFailed.event, context: { serviceEvents: [huge] } } as typeof deploymentFailed.event;
    // Act
    const message = JSON.parse(
      toPublishInput({ ...deploymentFailed, event }, { topicArn, messageFormat: 'json' }).Message ?? '{}',
    ) as Record<string, unknown>;
    // Assess
    expect(message['truncated']).toBe(true);
    expect(message['event']).not.toHaveProperty('context');
  });

  it('sanitises the title into a valid subject', () => {
    // Act
    const input = toPublishInput({ ...deploymentStarted, title: '🚀 api\ndeployment started' }, { topicArn });
    // Assess
    expect(input.Subject).toBe('api deployment started');
  });
});

describe('toPublishInput for every event type', () => {
  it.each(sampleNotifications().map((n) => [n.event.type, n] as const))(
    'builds a valid FIFO Publish input for %s',
    (type, notification) => {
      // Act
      const input = toPublishInput(notification, { topicArn: fifoArn });
      // Assess
      const service = 'service' in notification.event ? notification.event.service : undefined;
      expect(input.TopicArn).toBe(fifoArn);
      expect(input.Message).toBe(notification.plain);
      expect(input.Subject).toMatch(/^[\x21-\x7e][\x20-\x7e]{0,99}$/);
      expect(input.MessageAttributes?.['eventType']).toEqual({ DataType: 'String', StringValue: type });
      expect(input.MessageAttributes?.['severity']).toEqual({ DataType: 'String', StringValue: notification.severity });
      expect(input.MessageAttributes?.['service']?.StringValue).toBe(service);
      expect(input.MessageGroupId).toBe(service === undefined ? 'prod' : `prod/${service}`);
      expect(input.MessageDeduplicationId).toBe(notification.id);
    },
  );

  it('adds account and accountId attributes, and groups FIFO messages per account, for a cluster of another account', () => {
    // Prepare
    const event = { ...deploymentStarted.event, account: 'payments', accountId: '111111111111' };
    // Act
    const input = toPublishInput({ ...deploymentStarted, event }, { topicArn: fifoArn });
    // Assess
    expect(input.MessageAttributes?.['account']).toEqual({ DataType: 'String', StringValue: 'payments' });
    expect(input.MessageAttributes?.['accountId']).toEqual({ DataType: 'String', StringValue: '111111111111' });
    expect(input.MessageGroupId).toBe('payments/prod/api');
  });
});
