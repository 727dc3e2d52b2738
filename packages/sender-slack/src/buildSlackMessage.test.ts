import { defaultFormatter, type MonitorEvent, type Notification } from '@mona-ecs/core';
import { toNotification } from '@mona-ecs/core/format';
import { sampleEvents, sampleNotification } from '@mona-ecs/core/testing';
import { describe, expect, it } from 'vitest';
import { buildSlackMessage, type SlackBlock } from './buildSlackMessage.js';

function notificationOf(type: MonitorEvent['type'], overrides: Record<string, unknown> = {}): Notification {
  const event = sampleEvents().find((e) => e.type === type);
  if (!event) throw new Error(`no sample ${type}`);
  return sampleNotification({ ...event, ...overrides } as MonitorEvent);
}

/** Every mrkdwn string of the attachment, in order. */
function detailTexts(blocks: SlackBlock[]): string[] {
  return blocks.flatMap((block) =>
    ('fields' in block ? block.fields : 'elements' in block ? block.elements : [block.text]).map((t) => t.text),
  );
}

describe('buildSlackMessage', () => {
  it('shows the formatter text in a section and as the fallback', () => {
    // Prepare
    const notification = {
      ...notificationOf('DeploymentStarted'),
      text: ':arrows_clockwise: `api` deployment started with task definition `api:42`',
    };

    // Act
    const message = buildSlackMessage(notification);

    // Assess
    expect(message.text).toBe(notification.text);
    expect(message.blocks).toEqual([{ type: 'section', text: { type: 'mrkdwn', text: notification.text } }]);
  });

  it('writes the duration field as the default text writes it', () => {
    // Prepare
    const event = { ...sampleEvents().find((e) => e.type === 'DeploymentCompleted'), durationSeconds: 185 } as MonitorEvent;
    const notification = toNotification(event, defaultFormatter);

    // Act
    const fields = detailTexts(buildSlackMessage(notification).attachments[0]?.blocks ?? []);

    // Assess
    expect(notification.text).toContain('(took 3m 5s)');
    expect(fields).toContain('*Duration*\n3m 5s');
  });

  it('colours the attachment by severity', () => {
    // Prepare
    const failed = notificationOf('DeploymentFailed');
    const done = notificationOf('DeploymentCompleted');

    // Act
    const colours = [buildSlackMessage(failed), buildSlackMessage(done)].map((m) => m.attachments[0]?.color);

    // Assess
    expect(colours).toEqual(['#E01E5A', '#2EB67D']);
  });

  it('lists cluster, service, task definitions, counts and duration as fields', () => {
    // Prepare
    const notification = notificationOf('DeploymentCompleted', { pendingCount: 1 });

    // Act
    const [details] = buildSlackMessage(notification).attachments;

    // Assess
    expect(details?.blocks[0]).toEqual({
      type: 'section',
      fields: [
        { type: 'mrkdwn', text: '*Cluster*\nprod' },
        { type: 'mrkdwn', text: '*Service*\napi' },
        { type: 'mrkdwn', text: '*Task definition*\n`api:41` → `api:42`' },
        { type: 'mrkdwn', text: '*Running / desired*\n2 / 2, 1 pending' },
        { type: 'mrkdwn', text: '*Duration*\n1m 35s' },
      ],
    });
  });

  it('shows the desired count change of a scaling event', () => {
    // Prepare
    const notification = notificationOf('ScalingStarted');

    // Act
    const texts = detailTexts(buildSlackMessage(notification).attachments[0]?.blocks ?? []);

    // Assess
    expect(texts).toContain('*Running / desired*\n2 / 2 → 4');
  });

  it('adds who deployed, image changes, stopped tasks and service events as context', () => {
    // Prepare: a user template without the context lines the default text carries
    const notification = { ...notificationOf('TaskCrashed'), text: ':boom: `api` task crashed' };

    // Act
    const texts = detailTexts(buildSlackMessage(notification).attachments[0]?.blocks ?? []).join('\n');

    // Assess
    expect(texts).toContain('Deployed by *arn:aws:iam::123456789012:user/ci-&lt;deployer&gt;*');
    expect(texts).toContain(':package: app: repo/api:1.4.1 → repo/api:1.4.2');
    expect(texts).toContain('Task `0a1b2c3d4e5f` stopped (EssentialContainerExited): Essential container in task exited: &lt;!channel&gt;');
    expect(texts).toContain('app exit 137 (OutOfMemoryError: &lt;@U012AB3CD&gt; killed)');
    expect(texts).toContain('… and 2 more stopped task(s)');
    expect(texts).toContain(':speech_balloon: (service api) has started 1 tasks');
  });

  it('escapes every ECS string it inserts, so nothing in the details can ping', () => {
    // Prepare
    const notification = notificationOf('DeploymentFailed', { service: 'api<!everyone>' });

    // Act
    const raw = JSON.stringify(buildSlackMessage(notification).attachments);

    // Assess
    expect(raw).not.toMatch(/<[!@]/);
    expect(raw).not.toContain('<script>');
    expect(raw).toContain('api&lt;!everyone&gt;');
  });

  it('links to the service in the AWS console', () => {
    // Prepare
    const notification = notificationOf('DeploymentStarted');

    // Act
    const texts = detailTexts(buildSlackMessage(notification).attachments[0]?.blocks ?? []);

    // Assess
    expect(texts.at(-1)).toBe(
      ':link: <https://eu-west-1.console.aws.amazon.com/ecs/v2/clusters/prod/services/api/health?region=eu-west-1|Open in the AWS console>',
    );
  });

  it('puts the mention and the status emoji in front of the text', () => {
    // Prepare
    const notification = notificationOf('DeploymentFailed');

    // Act
    const message = buildSlackMessage(notification, { mention: '<!here>', statusEmoji: ':x:' });

    // Assess
    expect(message.text.startsWith('<!here> :x: ')).toBe(true);
    expect(message.blocks[0]).toMatchObject({ text: { text: message.text } });
  });

  it('keeps a huge text within Slack limits without cutting an entity in half', () => {
    // Prepare
    const notification = { ...notificationOf('DeploymentStarted'), text: `${'x'.repeat(2996)}&amp; tail` };

    // Act
    const message = buildSlackMessage(notification);
    const section = message.blocks[0];

    // Assess
    const text = section !== undefined && 'text' in section ? section.text.text : '';
    expect(text.length).toBeLessThanOrEqual(3000);
    expect(text.endsWith('…')).toBe(true);
    expect(text).not.toMatch(/&[a-z]*…$/);
  });

  it('falls back to the escaped title when the text is empty', () => {
    // Prepare
    const notification = { ...notificationOf('MonitorStarted'), text: ' ', title: 'Monitoring <prod>' };

    // Act
    const message = buildSlackMessage(notification);

    // Assess
    expect(message.text).toBe('Monitoring &lt;prod&gt;');
  });
});

describe('buildSlackMessage with the default formatter', () => {
  it('does not repeat the context the default text already shows', () => {
    // Prepare
    const event = sampleEvents().find((e) => e.type === 'TaskCrashed');
    if (!event) throw new Error('no sample TaskCrashed');
    const notification = toNotification(event, defaultFormatter);

    // Act
    const message = buildSlackMessage(notification);

    // Assess
    expect(notification.text).toContain('Image app: repo/api:1.4.1 → repo/api:1.4.2');
    expect(message.attachments[0]?.blocks.map((b) => b.type)).toEqual(['section', 'context']);
    expect(detailTexts(message.attachments[0]?.blocks ?? []).join('\n')).not.toContain('repo/api:1.4.2');
  });

  it("renders a grouped message's member list, not its first member's fields", () => {
    // Prepare
    const members = [notificationOf('DeploymentStarted', { service: 'api' }), notificationOf('DeploymentStarted', { service: 'web' })];
    const group: Notification = {
      ...members[0]!,
      id: 'prod/group/started/0123456789abcdef',
      title: '2 deployments started in prod',
      text: ['*2 deployments started in prod*', ...members.map((m) => m.text)].join('\n'),
      group: { kind: 'started', members },
    };

    // Act
    const message = buildSlackMessage(group);

    // Assess
    expect(message.text).toBe(group.text);
    expect(detailTexts(message.attachments[0]?.blocks ?? [])).toEqual([`*Cluster* ${members[0]!.event.cluster} · 2 services`]);
  });

  it("splits a long grouped message into sections at line ends, each within Slack's 3,000 characters", () => {
    // Prepare
    const member = notificationOf('DeploymentStarted');
    const lines = Array.from({ length: 50 }, (_, i) => `:arrows_clockwise: \`service-${i}\` deployment started ${'x'.repeat(80)}`);
    const group: Notification = { ...member, text: lines.join('\n'), group: { kind: 'started', members: [member, member] } };

    // Act
    const message = buildSlackMessage(group);

    // Assess
    const texts = message.blocks.map((b) => ('text' in b ? b.text.text : ''));
    expect(texts.length).toBeGreaterThan(1);
    expect(texts.every((t) => t.length <= 3000)).toBe(true);
    expect(texts.join('\n')).toBe(lines.join('\n'));
  });

  it('shows the account first among the fields for a cluster of another account, and none for one account', () => {
    // Prepare
    const base = sampleNotification(sampleEvents().find((e) => e.type === 'DeploymentStarted') as MonitorEvent);
    const event = { ...base.event, account: 'payments', accountId: '111111111111' };
    // Act
    const withAccount = detailTexts(buildSlackMessage({ ...base, event }).attachments[0]?.blocks ?? []);
    const without = detailTexts(buildSlackMessage(base).attachments[0]?.blocks ?? []);
    // Assess
    expect(withAccount[0]).toBe('*Account*\npayments (111111111111)');
    expect(without.some((t) => t.startsWith('*Account*'))).toBe(false);
  });
});
