import { fakeHttpChannel, HTTP_VARIANTS, senderConformance } from '@mona-ecs/core/testing';
import type { SenderHarness } from '@mona-ecs/core/testing';
import plugin from './index.js';
import type { WebhookOptions } from './options.js';

/** A local webhook receiver on 127.0.0.1 that answers as the suite tells it. */
const receiver = fakeHttpChannel(30);

/** What a receiver renders: the texts, not the raw event data beside them. */
function rendered(body: unknown): unknown {
  const { title, text, markdown } = body as Record<string, unknown>;
  return { title, text, markdown };
}

const harness: SenderHarness<WebhookOptions> = {
  setup: receiver.listen,
  teardown: receiver.close,
  reset: receiver.clear,
  validOptions: () => ({ url: receiver.url('/hook/s3cr3t-path'), headers: { authorization: 'Bearer test-token' } }),
  invalidOptions: [
    { options: {}, mentions: 'url' },
    { options: { url: 'ftp://x' }, mentions: 'url' },
    { options: { url: 'http://x', headers: { a: 1 } }, mentions: 'headers' },
  ],
  respond: receiver.respond,
  variants: HTTP_VARIANTS,
  delivered: () => receiver.delivered().map(rendered),
  markup: 'markdown',
  retryAfterMs: 30_000,
  secrets: ['/hook/s3cr3t-path', 'Bearer test-token'],
};

senderConformance(plugin, harness);
