import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { isSenderError, type Notification } from '@mona-ecs/core';
import { recordingLogger, sampleNotifications } from '@mona-ecs/core/testing';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { headerOf, partOf, startSmtpServer, type FakeSmtpServer } from './__fixtures__/smtpServer.js';
import { createEmailSender } from './createEmailSender.js';
import type { EmailSenderOptions } from './options.js';

const notifications = sampleNotifications();
const byType = (type: string): Notification => {
  const found = notifications.find((n) => n.event.type === type);
  if (!found) throw new Error(`no sample ${type}`);
  return found;
};
const signal = () => new AbortController().signal;

function optionsFor(port: number, extra: Partial<EmailSenderOptions> = {}): EmailSenderOptions {
  return {
    transport: { host: '127.0.0.1', port, secure: false, ignoreTLS: true },
    from: 'Mona <mona@example.com>',
    to: ['ops@example.com'],
    ...extra,
  };
}

async function failureOf(promise: Promise<unknown>): Promise<{ retryable: boolean; message: string }> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!isSenderError(error)) throw new Error(`expected a SenderError, got ${String(error)}`);
  return { retryable: error.retryable, message: error.message };
}

describe('createEmailSender against a local SMTP server', () => {
  let smtp: FakeSmtpServer;
  const senders: Array<{ close?(): Promise<void> }> = [];
  const track = <S extends { close?(): Promise<void> }>(s: S): S => (senders.push(s), s);

  beforeAll(async () => {
    smtp = await startSmtpServer();
  });
  afterEach(async () => {
    for (const s of senders.splice(0)) await s.close?.();
    smtp.clear();
    smtp.mode = 'ok';
  });
  afterAll(() => smtp.close());

  it('delivers a message with the prefixed subject, both bodies and filter headers', async () => {
    // Prepare
    const sender = track(createEmailSender(optionsFor(smtp.port, { cc: ['lead@example.com'] })));
    const notification = byType('DeploymentFailed');
    // Act
    await sender.send(notification, signal());
    // Assess
    const [raw = ''] = smtp.messages;
    expect(headerOf(raw, 'Subject')).toBe(`[mona] ${notification.title}`);
    expect(headerOf(raw, 'Cc')).toBe('lead@example.com');
    expect(headerOf(raw, 'X-Mona-Event-Type')).toBe('DeploymentFailed');
    expect(headerOf(raw, 'X-Mona-Service')).toBe('api');
    expect(partOf(raw, 'text/plain')).toContain('Cluster: prod');
    expect(partOf(raw, 'text/plain')).toContain('app exit 137');
  });

  it('escapes HTML from ECS in the HTML part and keeps the console link', async () => {
    // Prepare
    const sender = track(createEmailSender(optionsFor(smtp.port)));
    // Act
    await sender.send(byType('DeploymentFailed'), signal());
    // Assess
    const html = partOf(smtp.messages[0] ?? '', 'text/html') ?? '';
    expect(html).toContain('‹script&gt;alert(&quot;x&quot;)‹/script&gt;');
    expect(html).not.toContain('<script>');
    expect(html).toContain('href="https://eu-west-1.console.aws.amazon.com/ecs/v2/clusters/prod/services/api/health?region=eu-west-1"');
  });

  it('gives a retried notification the same Message-ID', async () => {
    // Prepare
    const sender = track(createEmailSender(optionsFor(smtp.port)));
    const notification = byType('DeploymentStarted');
    // Act
    await sender.send(notification, signal());
    await sender.send(notification, signal());
    // Assess
    const ids = smtp.messages.map((raw) => headerOf(raw, 'Message-ID'));
    expect(ids[0]).toMatch(/^<mona\.[0-9a-f]{40}@example\.com>$/);
    expect(ids[1]).toBe(ids[0]);
  });

  it('classifies a recipient rejected with 550 as not retryable, naming the addresses', async () => {
    // Prepare
    smtp.mode = 'rejectRecipient';
    const sender = track(createEmailSender(optionsFor(smtp.port)));
    // Act
    const failure = await failureOf(sender.send(byType('DeploymentStarted'), signal()));
    // Assess
    expect(failure.retryable).toBe(false);
    expect(failure.message).toMatch(/550.*check to\/cc|check to\/cc.*550/);
  });

  it.each([
    ['a 451 deferral', 'defer'],
    ['a 421 throttle', 'throttle'],
  ] as const)('classifies %s as retryable', async (_label, mode) => {
    // Prepare
    smtp.mode = mode;
    const sender = track(createEmailSender(optionsFor(smtp.port)));
    // Act
    const failure = await failureOf(sender.send(byType('DeploymentStarted'), signal()));
    // Assess
    expect(failure.retryable).toBe(true);
  });

  it('rejects promptly with a retryable error when the signal aborts a hung send', async () => {
    // Prepare
    smtp.mode = 'hang';
    const sender = track(createEmailSender(optionsFor(smtp.port)));
    const controller = new AbortController();
    // Act
    const pending = failureOf(sender.send(byType('DeploymentStarted'), controller.signal));
    setImmediate(() => controller.abort(new Error('attempt timed out')));
    const failure = await pending;
    // Assess
    expect(failure.retryable).toBe(true);
    expect(failure.message).toMatch(/aborted/);
  });

  it('delivers to the accepted recipients and warns about the rejected ones', async () => {
    // Prepare
    const logger = recordingLogger();
    const sender = track(createEmailSender(optionsFor(smtp.port, { to: ['ops@example.com', 'unknown@example.com'] }), { logger }));
    // Act
    await sender.send(byType('DeploymentStarted'), signal());
    // Assess
    expect(smtp.messages).toHaveLength(1);
    const warning = logger.entries.find((e) => e.level === 'warn');
    expect(warning?.fields).toMatchObject({ rejected: ['unknown@example.com'] });
  });

  it('closes idempotently and refuses to send afterwards', async () => {
    // Prepare
    const sender = createEmailSender(optionsFor(smtp.port));
    // Act
    await sender.close?.();
    await sender.close?.();
    // Assess
    await expect(sender.send(byType('DeploymentStarted'), signal())).rejects.toThrow(/closed/);
  });
});

describe('createEmailSender with SMTP AUTH', () => {
  let smtp: FakeSmtpServer;
  beforeAll(async () => {
    smtp = await startSmtpServer({ user: 'mona', pass: 's3cret' });
  });
  afterAll(() => smtp.close());

  it('delivers with the right credentials given as a connection URL', async () => {
    // Prepare
    const sender = createEmailSender({
      transport: `smtp://mona:s3cret@127.0.0.1:${smtp.port}?ignoreTLS=true`,
      from: 'mona@example.com',
      to: ['ops@example.com'],
    });
    // Act
    await sender.send(byType('DeploymentCompleted'), signal());
    await sender.close?.();
    // Assess
    expect(smtp.messages).toHaveLength(1);
  });

  it('classifies wrong credentials as not retryable, saying to check transport.auth', async () => {
    // Prepare
    const sender = createEmailSender(
      optionsFor(smtp.port, { transport: { host: '127.0.0.1', port: smtp.port, ignoreTLS: true, auth: { user: 'mona', pass: 'wrong' } } }),
    );
    // Act
    const failure = await failureOf(sender.send(byType('DeploymentCompleted'), signal()));
    await sender.close?.();
    // Assess
    expect(failure.retryable).toBe(false);
    expect(failure.message).toContain('transport.auth');
  });
});

describe('createEmailSender without a server', () => {
  it('classifies a refused connection as retryable', async () => {
    // Prepare: take a free port, then release it so nothing listens there.
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const { port } = probe.address() as AddressInfo;
    await new Promise((resolve) => probe.close(resolve));
    const sender = createEmailSender(optionsFor(port));
    // Act
    const failure = await failureOf(sender.send(byType('DeploymentStarted'), signal()));
    await sender.close?.();
    // Assess
    expect(failure.retryable).toBe(true);
  });
});
