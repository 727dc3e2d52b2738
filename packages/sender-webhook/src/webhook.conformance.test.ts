import { fakeHttpChannel, HTTP_VARIANTS, senderConformance, type ChannelMarkup, type SenderHarness } from '@mona-ecs/core/testing';
import { describe } from 'vitest';
import plugin from './index.js';
import type { PresetName, WebhookSenderOptions } from './options.js';

const channel = fakeHttpChannel(30);

interface Case {
  preset: PresetName;
  markup: ChannelMarkup;
  options: () => WebhookSenderOptions;
  limit?: { max: number; lengthOf(body: unknown): number };
  ignores?: string[];
}

const json = (body: unknown) => JSON.stringify(body);
const bytes = (body: unknown) => Buffer.byteLength(JSON.stringify(body));
const field = (path: string[]) => (body: unknown) =>
  String(path.reduce<unknown>((v, k) => (v as Record<string, unknown>)?.[k], body) ?? '').length;
const PAGER_EVENTS = ['MonitorStarted', 'DeploymentStarted', 'TasksFailing', 'RollbackStarted', 'ScalingStarted', 'ServiceRemoved'];

const CASES: Case[] = [
  {
    preset: 'custom',
    markup: 'plain',
    options: () => ({
      url: channel.url('/hook/s3cr3t'),
      templates: { default: { text: '{{plain}}', title: '{{title}}', service: '{{event.service}}' } },
      maxTextLength: 2000,
    }),
    limit: { max: 2000, lengthOf: field(['text']) },
  },
  {
    preset: 'teams',
    markup: 'markdown',
    options: () => ({ preset: 'teams', url: channel.url('/workflows/x/triggers/manual/paths/invoke?sig=s3cr3tsig') }),
    limit: { max: 28_000, lengthOf: bytes },
  },
  {
    preset: 'discord',
    markup: 'markdown',
    options: () => ({ preset: 'discord', url: channel.url('/api/webhooks/1/s3cr3t-token') }),
    limit: { max: 4096, lengthOf: (b) => field(['embeds', '0', 'description'])(b) },
  },
  {
    preset: 'googleChat',
    markup: 'plain',
    options: () => ({ preset: 'googleChat', url: channel.url('/v1/spaces/AAA/messages?key=k&token=s3cr3t-token') }),
    limit: { max: 4096, lengthOf: field(['text']) },
  },
  {
    preset: 'mattermost',
    markup: 'markdown',
    options: () => ({ preset: 'mattermost', url: channel.url('/hooks/s3cr3thookid') }),
    limit: { max: 16_383, lengthOf: field(['text']) },
  },
  {
    preset: 'pagerduty',
    markup: 'plain',
    options: () => ({ preset: 'pagerduty', url: channel.url('/v2/enqueue'), routingKey: 'R0UT1NGKEY0123456789abcdef012345' }),
    limit: { max: 512_000, lengthOf: bytes },
  },
  {
    preset: 'opsgenie',
    markup: 'plain',
    options: () => ({ preset: 'opsgenie', url: channel.url('/v2/alerts'), apiKey: 'opsgenie-key-0123456789' }),
    limit: { max: 20_000, lengthOf: (b) => json(b).length },
    ignores: PAGER_EVENTS,
  },
];

function harness(c: Case): SenderHarness<WebhookSenderOptions> {
  return {
    setup: channel.listen,
    teardown: channel.close,
    reset: channel.clear,
    validOptions: c.options,
    invalidOptions: [
      { options: { preset: c.preset }, mentions: c.preset === 'pagerduty' ? 'routingKey' : c.preset === 'opsgenie' ? 'apiKey' : 'url' },
      { options: { preset: c.preset, url: 'ftp://x', routingKey: 'r', apiKey: 'k' }, mentions: 'url' },
      { options: { preset: c.preset, url: 'https://x', routingKey: 'r', apiKey: 'k', headers: { a: 1 } }, mentions: 'headers' },
    ],
    respond: channel.respond,
    variants: HTTP_VARIANTS,
    delivered: () => channel.delivered(),
    markup: c.markup,
    retryAfterMs: 30_000,
    secrets: ['s3cr3t'],
    ...(c.limit !== undefined && {
      textLimit: { max: c.limit.max, lengthOf: (b: unknown) => (c.limit!.lengthOf as (x: unknown) => number)(b) },
    }),
    ...(c.ignores !== undefined && { ignores: c.ignores }),
  };
}

for (const c of CASES) {
  describe(`preset ${c.preset}`, () => {
    senderConformance(plugin, harness(c));
  });
}
