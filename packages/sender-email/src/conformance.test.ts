import { HOSTILE_REASON, senderConformance, type ChannelMode, type SenderHarness } from '@mona-ecs/core/testing';
import { partOf, startSmtpServer, type FakeSmtpServer, type SmtpMode } from './__fixtures__/smtpServer.js';
import plugin from './index.js';
import type { EmailSenderOptions } from './options.js';

const MODES: Record<ChannelMode, SmtpMode> = {
  ok: 'ok',
  serverError: 'defer',
  rateLimited: 'throttle',
  rejected: 'rejectRecipient',
  hang: 'hang',
};

let smtp: FakeSmtpServer | undefined;
const server = (): FakeSmtpServer => {
  if (smtp === undefined) throw new Error('SMTP server not started');
  return smtp;
};
const valid = { from: 'mona@example.com', to: ['ops@example.com'] };

const harness: SenderHarness<EmailSenderOptions> = {
  setup: async () => {
    smtp = await startSmtpServer();
  },
  teardown: () => server().close(),
  reset: () => server().clear(),
  validOptions: () => ({ ...valid, transport: { host: '127.0.0.1', port: server().port, secure: false, ignoreTLS: true } }),
  invalidOptions: [
    { options: { ...valid, transport: 'http://smtp.example.com' }, mentions: 'transport' },
    { options: { ...valid, transport: 'smtp://localhost', to: [] }, mentions: 'to' },
    { options: { transport: 'smtp://localhost', to: ['ops@example.com'] }, mentions: 'from' },
  ],
  respond: (mode) => {
    server().mode = MODES[mode];
  },
  // The HTML parts: where escaping matters (the plain-text part shows ECS text as it is, by design).
  delivered: () => server().messages.map((raw) => partOf(raw, 'text/html') ?? raw),
  forbidden: ['<script>', HOSTILE_REASON],
};

senderConformance(plugin, harness);
