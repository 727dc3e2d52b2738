import { createServer, type Server } from 'node:net';
import type { AddressInfo } from 'node:net';
import { senderConformance, type ChannelMode, type SenderHarness } from '@mona-ecs/core/testing';
import { partOf, startSmtpServer, type FakeSmtpServer, type SmtpMode } from './__fixtures__/smtpServer.js';
import plugin from './index.js';
import type { EmailSenderOptions } from './options.js';

const FALLBACK: Record<'ok' | 'serverError' | 'rateLimited' | 'rejected' | 'hang', SmtpMode> = {
  ok: 'ok',
  serverError: 'defer',
  rateLimited: 'throttle',
  rejected: 'rejectRecipient',
  hang: 'hang',
};

let smtp: FakeSmtpServer | undefined;
/** Accepts SMTP connections and drops them at once: a reset mid-conversation. */
let dropper: Server | undefined;
/** A port nothing listens on, for refused connections. */
let closedPort = 0;
let mode: ChannelMode = 'ok';
const server = (): FakeSmtpServer => {
  if (smtp === undefined) throw new Error('SMTP server not started');
  return smtp;
};
const portOf = (s: Server | undefined) => (s?.address() as AddressInfo).port;

async function listen(s: Server): Promise<void> {
  await new Promise<void>((resolve) => s.listen(0, '127.0.0.1', resolve));
}

const valid = { from: 'mona@example.com', to: ['ops@example.com'] };
const harness: SenderHarness<EmailSenderOptions> = {
  setup: async () => {
    smtp = await startSmtpServer();
    dropper = createServer((socket) => socket.destroy());
    await listen(dropper);
    const probe = createServer();
    await listen(probe);
    closedPort = portOf(probe);
    await new Promise<void>((resolve) => probe.close(() => resolve()));
  },
  teardown: async () => {
    await server().close();
    await new Promise<void>((resolve) => dropper?.close(() => resolve()));
  },
  reset: () => server().clear(),
  validOptions: () => {
    const port = mode === 'refused' ? closedPort : mode === 'reset' ? portOf(dropper) : server().port;
    return { ...valid, transport: { host: '127.0.0.1', port, secure: false, ignoreTLS: true } };
  },
  invalidOptions: [
    { options: { ...valid, transport: 'http://smtp.example.com' }, mentions: 'transport' },
    { options: { ...valid, transport: 'smtp://localhost', to: [] }, mentions: 'to' },
    { options: { transport: 'smtp://localhost', to: ['ops@example.com'] }, mentions: 'from' },
  ],
  respond: (next, variant) => {
    mode = next;
    if (next !== 'refused' && next !== 'reset') server().mode = (variant as SmtpMode | undefined) ?? FALLBACK[next];
  },
  variants: { serverError: ['defer'], rateLimited: ['throttle'], rejected: ['rejectSender', 'rejectRecipient', 'rejectMessage'] },
  // The HTML parts: where escaping matters; the plain-text part carries the plain form.
  delivered: () => server().messages.map((raw) => partOf(raw, 'text/html') ?? raw),
  markup: 'html',
  // SMTP 421 says "later", never when.
  retryAfterMs: null,
};

senderConformance(plugin, harness);
