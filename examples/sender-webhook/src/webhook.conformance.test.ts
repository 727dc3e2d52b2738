import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { senderConformance } from '@mona-ecs/core/testing';
import type { ChannelMode, SenderHarness } from '@mona-ecs/core/testing';
import plugin from './index.js';
import type { WebhookOptions } from './options.js';

/** A local webhook receiver on 127.0.0.1 that answers as the suite tells it. */
function fakeReceiver() {
  let mode: ChannelMode = 'ok';
  let bodies: unknown[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      if (mode === 'hang') return;
      if (mode === 'ok') bodies.push(JSON.parse(Buffer.concat(chunks).toString('utf8')));
      const status = { ok: 204, serverError: 502, rateLimited: 429, rejected: 401 }[mode];
      res.writeHead(status, mode === 'rateLimited' ? { 'retry-after': '30' } : {});
      res.end();
    });
  });
  const url = () => `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
  return {
    listen: () => new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve)),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
    url,
    setMode: (next: ChannelMode) => {
      mode = next;
    },
    clear: () => {
      bodies = [];
    },
    bodies: () => bodies,
  };
}

const receiver = fakeReceiver();

const harness: SenderHarness<WebhookOptions> = {
  setup: receiver.listen,
  teardown: receiver.close,
  reset: receiver.clear,
  validOptions: () => ({ url: receiver.url(), headers: { authorization: 'Bearer test' } }),
  invalidOptions: [
    { options: {}, mentions: 'url' },
    { options: { url: 'ftp://x' }, mentions: 'url' },
    { options: { url: 'http://x', headers: { a: 1 } }, mentions: 'headers' },
  ],
  respond: receiver.setMode,
  delivered: receiver.bodies,
  retryAfterMs: 30_000,
};

senderConformance(plugin, harness);
