import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../config/loadConfig.js';
import { createLogger } from '../logging/createLogger.js';
import { createSenders, loadSenders } from './createSenders.js';
import { testNotification } from '../commands/testSender.js';

// The example package is loaded by path, as a user without `npm install` would (its source:
// tests run without a build).
const webhookEntry = fileURLToPath(new URL('../../../../examples/sender-webhook/src/index.ts', import.meta.url));
const configPath = fileURLToPath(new URL('../__fixtures__/mona.json', import.meta.url));

const received: Array<{ headers: Record<string, unknown>; body: unknown }> = [];
const server = createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    received.push({ headers: req.headers, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) });
    res.writeHead(204).end();
  });
});
beforeAll(() => new Promise<void>((r) => server.listen(0, '127.0.0.1', r)));
afterAll(() => new Promise<void>((r) => server.close(() => r())));

describe('a third-party plugin loaded by path', () => {
  it('loads examples/sender-webhook, validates its options and delivers through it', async () => {
    // Prepare
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
    const config = parseConfig(
      JSON.stringify({
        ecsCluster: 'prod',
        AWSRegion: 'eu-west-1',
        senders: [{ plugin: webhookEntry, options: { url: '${env:HOOK_URL}', headers: { 'x-team': 'ops' } } }],
      }),
      { configPath, env: { HOOK_URL: url } },
    );
    const [live] = await createSenders(await loadSenders(config), createLogger({ level: 'silent' }));

    // Act
    await live!.sender.send(testNotification(config, live!.config.instanceName, 1), new AbortController().signal);
    await live!.sender.close?.();

    // Assess
    expect(live!.plugin.name).toBe('webhook');
    expect(received).toHaveLength(1);
    expect(received[0]?.headers['x-team']).toBe('ops');
    expect(received[0]?.body).toMatchObject({ id: 'mona-test/prod/1', event: { type: 'MonitorStarted', cluster: 'prod' } });
  });

  it('rejects options that break the plugin schema before creating it', async () => {
    // Prepare
    const config = parseConfig(
      JSON.stringify({
        ecsCluster: 'prod',
        AWSRegion: 'eu-west-1',
        senders: [{ plugin: webhookEntry, options: { url: 'ftp://nope', colour: 'red' } }],
      }),
      { configPath, env: {} },
    );

    // Act
    const error = await loadSenders(config).catch((e: unknown) => e);

    // Assess
    expect((error as { code?: string }).code).toBe('MONA_OPTIONS_INVALID');
    expect((error as Error).message).toContain('colour');
  });
});
