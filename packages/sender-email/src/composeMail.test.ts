import { defuse, textForms, type Notification } from '@mona-ecs/core';
import { HOSTILE_REASON, sampleNotifications } from '@mona-ecs/core/testing';
import { describe, expect, it } from 'vitest';
import { composeMail } from './composeMail.js';

const options = { transport: 'smtp://localhost', from: 'Mona <mona@example.com>', to: ['ops@example.com'] };
const sample = (type: string): Notification => {
  const found = sampleNotifications().find((n) => n.event.type === type);
  if (!found) throw new Error(`no sample ${type}`);
  return found;
};

describe('composeMail', () => {
  it('prefixes the subject with [mona] by default and keeps it on one line', () => {
    // Act
    const mail = composeMail({ ...sample('DeploymentStarted'), title: 'api\r\ndeployment started' }, options);
    // Assess
    expect(mail.subject).toBe('[mona] api deployment started');
  });

  it('composes a mail without the time field when the event time is malformed, instead of throwing', () => {
    // Prepare
    const started = sample('DeploymentStarted');
    const notification = { ...started, event: { ...started.event, observedAt: 'yesterday' } } as unknown as Notification;
    // Act
    const mail = composeMail(notification, options);
    // Assess
    expect(mail.text).not.toContain('Observed at');
    expect(mail.subject).toContain('[mona]');
  });

  it('writes durations in the fields as the default text writes them, hours included', () => {
    // Prepare
    const done = sample('DeploymentCompleted');
    const notification = { ...done, event: { ...done.event, durationSeconds: 3 * 3600 + 120 } } as Notification;
    // Act
    const mail = composeMail(notification, options);
    // Assess
    expect(mail.text).toContain('Duration: 3h 2m');
  });

  it('uses a custom prefix, or none when it is empty', () => {
    // Act
    const notification = { ...sample('DeploymentStarted'), title: 'api deployment started' };
    const custom = composeMail(notification, { ...options, subjectPrefix: '[prod]' });
    const none = composeMail(notification, { ...options, subjectPrefix: '' });
    // Assess
    expect(custom.subject).toBe('[prod] api deployment started');
    expect(none.subject).toBe('api deployment started');
  });

  it('lists stopped tasks with reasons and exit codes, image changes and who deployed', () => {
    // Act
    const { text } = composeMail(sample('DeploymentFailed'), options);
    // Assess
    expect(text).toContain('Stopped tasks (latest 1 of 3):');
    expect(text).toContain(`0a1b2c3d4e5f: EssentialContainerExited: ${defuse(HOSTILE_REASON)}; app exit 137`);
    expect(text).toContain('app: image repo/api:1.4.1 → repo/api:1.4.2');
    expect(text).toContain('Deployed by: arn:aws:iam::123456789012:user/ci-‹deployer>');
  });

  it('defuses ECS text in the plain part too: no live mention, tag or bidi override if it is forwarded to chat', () => {
    // Act
    const { text } = composeMail(sample('DeploymentFailed'), options);
    // Assess
    expect(text).not.toMatch(/<!channel>|<script>|@everyone|[\u202A-\u202E\u2066-\u2069]/);
  });

  it('escapes every ECS and config string in the HTML part', () => {
    // Act
    const { html } = composeMail(sample('DeploymentFailed'), options);
    // Assess
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<deployer>');
    expect(html).toContain('‹script&gt;alert(&quot;x&quot;)‹/script&gt;');
    expect(html).toContain('exe.gnp &amp; more');
  });

  it('shows decoded mrkdwn text once in HTML, not double-escaped, without the formatter bullets', () => {
    // Prepare
    const text = ':x: `api` failed: &lt;b&gt; &amp; co\n• Deployed by someone';
    const notification = { ...sample('DeploymentFailed'), text, ...textForms(text) };
    // Act
    const mail = composeMail(notification, options);
    const { html } = mail;
    // Assess
    expect(html).toContain('❌ <code>api</code> failed: ‹b&gt; &amp; co</p>');
    expect(mail.text.startsWith('❌ `api` failed: ‹b> & co\n\n')).toBe(true);
  });

  it('adds filter headers, with the service only for service events', () => {
    // Act
    const service = composeMail(sample('TaskCrashed'), options);
    const cluster = composeMail(sample('MonitorStarted'), options);
    // Assess
    expect(service.headers).toEqual({
      'X-Mona-Event-Type': 'TaskCrashed',
      'X-Mona-Cluster': 'prod',
      'X-Mona-Severity': 'error',
      'X-Mona-Service': 'api',
    });
    expect(cluster.headers).not.toHaveProperty('X-Mona-Service');
  });

  it('derives a stable Message-ID from the notification id and the sender domain', () => {
    // Act
    const first = composeMail(sample('DeploymentStarted'), options);
    const again = composeMail(sample('DeploymentStarted'), options);
    const other = composeMail(sample('DeploymentCompleted'), options);
    // Assess
    expect(first.messageId).toMatch(/^<mona\.[0-9a-f]{40}@example\.com>$/);
    expect(again.messageId).toBe(first.messageId);
    expect(other.messageId).not.toBe(first.messageId);
  });

  it('names the account in a row, a header and the subject for a cluster of another account', () => {
    // Prepare
    const base = sample('TaskCrashed');
    const event = { ...base.event, account: 'payments', accountId: '111111111111' };
    // Act
    const mail = composeMail({ ...base, event, title: 'api: task crashed (payments/prod)' }, options);
    // Assess
    expect(mail.headers['X-Mona-Account']).toBe('payments');
    expect(mail.text).toContain('payments (111111111111)');
    expect(mail.html).toContain('payments (111111111111)');
    expect(mail.subject).toContain('payments/prod');
  });

  it('has no account row or header for a single account', () => {
    // Act
    const mail = composeMail(sample('TaskCrashed'), options);
    // Assess
    expect(mail.headers).not.toHaveProperty('X-Mona-Account');
    expect(mail.text).not.toContain('Account');
  });
});
