import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Ajv } from 'ajv';
import type { Notification } from '@mona-ecs/core';
import type { EventType } from '@mona-ecs/core/format';
import { fakeHttpChannel, longSampleNotifications, sampleNotifications, senderContext } from '@mona-ecs/core/testing';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import * as schemas from './__fixtures__/serviceSchemas.js';
import plugin from './index.js';
import type { WebhookSenderOptions } from './options.js';

const channel = fakeHttpChannel();
beforeAll(() => channel.listen());
afterAll(() => channel.close());
beforeEach(() => channel.clear());

const ajv = new Ajv({ allErrors: true, strict: false });
const sample = (type: EventType): Notification => sampleNotifications().find((n) => n.event.type === type)!;

/** Send through the real sender to the local server and return what it received. */
async function send(options: WebhookSenderOptions, ...notifications: Notification[]) {
  const sender = await plugin.create(plugin.optionsSchema ? options : options, senderContext());
  for (const n of notifications) await sender.send(n, new AbortController().signal);
  await sender.close?.();
  return channel.requests.map((r) => ({ method: r.method, path: r.path, headers: r.headers, body: r.json }));
}

function expectValid(schema: object, body: unknown): void {
  const validate = ajv.compile(schema);
  expect(validate(body), JSON.stringify(validate.errors)).toBe(true);
}

/** Payloads captured from these runs, shown in the README (UPDATE_SAMPLES=1 rewrites the file). */
const captured: Record<string, unknown> = {};
const capturedFile = fileURLToPath(new URL('./__fixtures__/captured.json', import.meta.url));
const readme = readFileSync(fileURLToPath(new URL('../README.md', import.meta.url)), 'utf8');
afterAll(() => {
  if (process.env['UPDATE_SAMPLES'] === '1') writeFileSync(capturedFile, `${JSON.stringify(captured, null, 2)}\n`);
});

const ALL: EventType[] = [
  'DeploymentStarted',
  'DeploymentFailed',
  'DeploymentTimedOut',
  'TaskCrashed',
  'DeploymentCompleted',
  'ScalingStarted',
  'MonitorDegraded',
  'MonitorRecovered',
];

describe('preset discord', () => {
  it('posts one embed per notification that matches Discord’s Execute Webhook schema, with mentions off', async () => {
    // Act
    const requests = await send(
      { preset: 'discord', url: channel.url('/api/webhooks/1/token') },
      ...ALL.map(sample),
      ...longSampleNotifications(),
    );
    // Assess
    for (const r of requests) expectValid(schemas.discordExecuteWebhook, r.body);
    expect(requests[1]!.body).toMatchObject({
      allowed_mentions: { parse: [] },
      embeds: [{ title: 'api: deployment failed (prod)', color: 0xc62828 }],
    });
    captured['discord'] = requests[1]!.body;
  });
});

describe('preset teams', () => {
  it('posts an Adaptive Card message that matches the Workflows example, under 28 KB even for long texts', async () => {
    // Act
    const requests = await send(
      { preset: 'teams', url: channel.url('/workflows/abc/triggers/manual/paths/invoke?sig=x') },
      ...ALL.map(sample),
      ...longSampleNotifications(),
    );
    // Assess
    for (const r of requests) {
      expectValid(schemas.teamsWorkflowMessage, r.body);
      expect(Buffer.byteLength(JSON.stringify(r.body))).toBeLessThan(28_000);
    }
    captured['teams'] = requests[1]!.body;
  });
});

describe('preset googleChat', () => {
  it('posts plain text in one thread per deployment, as the Chat API documents for webhooks', async () => {
    // Act
    const requests = await send(
      { preset: 'googleChat', url: channel.url('/v1/spaces/AAA/messages?key=k&token=t') },
      sample('DeploymentStarted'),
      sample('DeploymentFailed'),
      ...longSampleNotifications(),
    );
    // Assess
    for (const r of requests) expectValid(schemas.googleChatMessage, r.body);
    expect(requests[0]!.path).toBe('/v1/spaces/AAA/messages?key=k&token=t&messageReplyOption=REPLY_MESSAGE_FALLBACK_TO_NEW_THREAD');
    expect((requests[0]!.body as { thread: unknown }).thread).toEqual((requests[1]!.body as { thread: unknown }).thread);
    expect(JSON.stringify(requests[1]!.body)).not.toContain('<users/');
    captured['googleChat'] = requests[1]!.body;
  });
});

describe('preset mattermost', () => {
  it('posts Markdown text that matches the incoming webhook parameters', async () => {
    // Act
    const requests = await send({ preset: 'mattermost', url: channel.url('/hooks/xyz') }, ...ALL.map(sample), ...longSampleNotifications());
    // Assess
    for (const r of requests) expectValid(schemas.mattermostIncomingWebhook, r.body);
    expect(JSON.stringify(requests[1]!.body)).not.toMatch(/@(channel|here|all|everyone)/);
    captured['mattermost'] = requests[1]!.body;
  });
});

describe('preset pagerduty', () => {
  it('triggers on a failure, resolves the same dedup_key on the completion, and notes other events as change events', async () => {
    // Act
    const requests = await send(
      { preset: 'pagerduty', url: channel.url('/v2/enqueue'), routingKey: 'R0UT1NG' },
      sample('DeploymentStarted'),
      sample('DeploymentFailed'),
      sample('DeploymentCompleted'),
    );
    // Assess
    const [started, failed, resolved, noted] = requests;
    expect(requests.map((r) => r.path)).toEqual(['/v2/change/enqueue', '/v2/enqueue', '/v2/enqueue', '/v2/change/enqueue']);
    expectValid(schemas.pagerDutyChangeEvent, started!.body);
    expectValid(schemas.pagerDutyAlertEvent, failed!.body);
    expectValid(schemas.pagerDutyAlertEvent, resolved!.body);
    expectValid(schemas.pagerDutyChangeEvent, noted!.body);
    expect(failed!.body).toMatchObject({
      event_action: 'trigger',
      dedup_key: 'mona/prod/api/ecs-svc/1234567890123456789',
      payload: { severity: 'error' },
    });
    expect(resolved!.body).toEqual({
      routing_key: 'R0UT1NG',
      event_action: 'resolve',
      dedup_key: 'mona/prod/api/ecs-svc/1234567890123456789',
    });
    captured['pagerduty.trigger'] = failed!.body;
    captured['pagerduty.resolve'] = resolved!.body;
    captured['pagerduty.change'] = started!.body;
  });

  it('triggers on a timeout with the deployment’s key, and keeps long texts within the documented limits', async () => {
    // Act
    const requests = await send(
      { preset: 'pagerduty', url: channel.url('/v2/enqueue'), routingKey: 'R' },
      sample('DeploymentTimedOut'),
      ...longSampleNotifications(),
    );
    // Assess
    for (const r of requests) expectValid(schemas.pagerDutyAlertEvent, r.body);
    expect(requests[0]!.body).toMatchObject({
      event_action: 'trigger',
      dedup_key: 'mona/prod/api/ecs-svc/1234567890123456789',
      payload: { severity: 'warning' },
    });
  });
});

describe('preset opsgenie', () => {
  it('creates an alert on a failure with the deployment as alias and closes it by alias on the completion', async () => {
    // Act
    const requests = await send(
      { preset: 'opsgenie', url: channel.url('/v2/alerts'), apiKey: 'k3y' },
      sample('DeploymentStarted'),
      sample('DeploymentFailed'),
      sample('DeploymentCompleted'),
      ...longSampleNotifications(),
    );
    // Assess
    const [created, closed, ...long] = requests;
    expect(requests).toHaveLength(4);
    expect(created!.headers['authorization']).toBe('GenieKey k3y');
    expectValid(schemas.opsgenieCreateAlert, created!.body);
    expect(created!.body).toMatchObject({ alias: 'mona/prod/api/ecs-svc/1234567890123456789', priority: 'P2' });
    expect(closed!.path).toBe(`/v2/alerts/${encodeURIComponent('mona/prod/api/ecs-svc/1234567890123456789')}/close?identifierType=alias`);
    expectValid(schemas.opsgenieCloseAlert, closed!.body);
    for (const r of long) expectValid(schemas.opsgenieCreateAlert, r.body);
    captured['opsgenie.create'] = created!.body;
    captured['opsgenie.close'] = closed!.body;
  });
});

describe('preset custom', () => {
  it('renders the template of the event’s formatter key, with values as JSON where a string is one placeholder', async () => {
    // Prepare
    const options: WebhookSenderOptions = {
      url: channel.url('/hook'),
      method: 'PUT',
      headers: { authorization: 'Bearer t' },
      templates: {
        deployFailed: { alert: '{{title}}', count: '{{event.desiredCount}}', text: 'failed: {{plain}}' },
        default: { text: '{{markdown}}' },
      },
    };
    // Act
    const requests = await send(options, sample('DeploymentFailed'), sample('DeploymentStarted'));
    // Assess
    expect(requests[0]).toMatchObject({
      method: 'PUT',
      headers: { authorization: 'Bearer t' },
      body: { alert: 'api: deployment failed (prod)', count: 2 },
    });
    expect((requests[0]!.body as { text: string }).text).toMatch(/^failed: ❌ `api` deployment of task definition `api:42` failed/);
    expect(requests[1]!.body).toEqual({ text: sample('DeploymentStarted').markdown });
  });

  it('sends the default body (texts and the defused event) without templates', async () => {
    // Act
    const [request] = await send({ url: channel.url('/hook') }, sample('DeploymentFailed'));
    // Assess
    expect(request!.body).toMatchObject({
      id: sample('DeploymentFailed').id,
      text: sample('DeploymentFailed').plain,
      type: 'DeploymentFailed',
      event: { service: 'api' },
    });
    expect(JSON.stringify(request!.body)).not.toContain('<!channel>');
    captured['custom'] = request!.body;
  });
});

describe('README samples', () => {
  it('shows, for every preset, the payload captured from these tests', () => {
    // Prepare
    const shipped = JSON.parse(readFileSync(capturedFile, 'utf8')) as Record<string, unknown>;
    // Act / Assess
    expect(shipped).toEqual(captured);
    const blocks = [...readme.matchAll(/```json\n([\s\S]*?)\n```/g)].map((m) => JSON.stringify(JSON.parse(m[1]!)));
    for (const [name, body] of Object.entries(shipped)) expect(blocks, `README sample of ${name}`).toContain(JSON.stringify(body));
  });
});
