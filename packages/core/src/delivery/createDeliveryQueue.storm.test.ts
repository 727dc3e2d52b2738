import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SenderError } from '../errors.js';
import type { Notification } from '../model/notification.js';
import { queueUnderTest, scriptedChannel, serviceNotification } from './__fixtures__/queueUnderTest.js';

const paced = { messagesPerSecond: 1 };

/** Member ids of what the channel accepted, groups opened. */
const memberIds = (accepted: Array<{ notification: Notification }>) =>
  accepted.flatMap(({ notification }) => (notification.group?.members ?? [notification]).map((m) => m.id));

beforeEach(() => {
  vi.useFakeTimers({ now: 0 });
});
afterEach(() => {
  vi.useRealTimers();
});

describe('createDeliveryQueue: pace', () => {
  it("keeps to the sender's declared pace, retries included", async () => {
    // Prepare
    let failures = 1;
    const channel = scriptedChannel(() => (failures-- > 0 ? { throws: new SenderError('500', { retryable: true }) } : 'ok'));
    const { queue } = queueUnderTest({ ...channel.sender, pace: paced }, { random: () => 0, group: false });

    // Act
    for (const id of ['a', 'b', 'c']) queue.enqueue(serviceNotification('DeploymentStarted', id));
    await vi.advanceTimersByTimeAsync(10_000);

    // Assess
    expect(channel.attempts.map((a) => a.at)).toEqual([0, 1_000, 2_000, 3_000]);
    expect(channel.accepted.map((a) => a.id)).toEqual(['DeploymentStarted:a', 'DeploymentStarted:b', 'DeploymentStarted:c']);
  });

  it('lets the config override the declared pace', async () => {
    // Prepare
    const channel = scriptedChannel(() => 'ok');
    const { queue } = queueUnderTest({ ...channel.sender, pace: paced }, { pace: { messagesPerSecond: 4 }, group: false });

    // Act
    for (const id of ['a', 'b', 'c']) queue.enqueue(serviceNotification('DeploymentStarted', id));
    await vi.advanceTimersByTimeAsync(10_000);

    // Assess
    expect(channel.attempts.map((a) => a.at)).toEqual([0, 250, 500]);
  });
});

describe('createDeliveryQueue: storms', () => {
  it('sends a 300-service burst as a few grouped messages, failures first and one each, every member once', async () => {
    // Prepare
    const channel = scriptedChannel(() => 'ok');
    const { queue, outcomes } = queueUnderTest({ ...channel.sender, pace: paced });
    const burst = Array.from({ length: 300 }, (_, i) => serviceNotification('DeploymentStarted', `svc-${i}`));
    const failures = [serviceNotification('DeploymentFailed', 'svc-7'), serviceNotification('RollbackStarted', 'svc-7')];

    // Act
    for (const n of [...burst.slice(0, 150), ...failures, ...burst.slice(150)]) queue.enqueue(n);
    await vi.advanceTimersByTimeAsync(60_000);

    // Assess
    expect(channel.accepted.map((a) => a.notification.title)).toEqual([
      'DeploymentFailed svc-7',
      'RollbackStarted svc-7',
      ...Array.from({ length: 6 }, () => '50 deployments started in prod'),
    ]);
    expect(memberIds(channel.accepted).sort()).toEqual([...burst, ...failures].map((n) => n.id).sort());
    expect(outcomes.filter((o) => o.outcome === 'delivered')).toHaveLength(302);
    expect(queue.stats).toMatchObject({ delivered: 302, grouped: 300, dropped: 0 });
  });

  it('sends a backlog at or under the threshold one message each', async () => {
    // Prepare
    const channel = scriptedChannel(() => 'ok');
    const { queue } = queueUnderTest({ ...channel.sender, pace: paced });

    // Act
    for (let i = 0; i < 10; i += 1) queue.enqueue(serviceNotification('DeploymentStarted', `svc-${i}`));
    await vi.advanceTimersByTimeAsync(20_000);

    // Assess
    expect(channel.accepted).toHaveLength(10);
    expect(channel.accepted.every((a) => a.notification.group === undefined)).toBe(true);
  });

  it('does not group when grouping is off', async () => {
    // Prepare
    const channel = scriptedChannel(() => 'ok');
    const { queue } = queueUnderTest({ ...channel.sender, pace: paced }, { group: { enabled: false } });

    // Act
    for (let i = 0; i < 30; i += 1) queue.enqueue(serviceNotification('DeploymentStarted', `svc-${i}`));
    await vi.advanceTimersByTimeAsync(40_000);

    // Assess
    expect(channel.accepted).toHaveLength(30);
  });

  it('groups a storm before evicting anything at capacity', async () => {
    // Prepare
    const channel = scriptedChannel(() => 'ok');
    const { queue, outcomes } = queueUnderTest({ ...channel.sender, pace: paced }, { capacity: 20 });

    // Act
    for (let i = 0; i < 100; i += 1) queue.enqueue(serviceNotification('DeploymentStarted', `svc-${i}`));
    await vi.advanceTimersByTimeAsync(60_000);

    // Assess
    expect(outcomes.filter((o) => o.outcome !== 'delivered')).toEqual([]);
    expect(memberIds(channel.accepted)).toHaveLength(100);
  });

  it('retries a group with the same id', async () => {
    // Prepare
    let failures = 1;
    const channel = scriptedChannel((n) =>
      n.group !== undefined && failures-- > 0 ? { throws: new SenderError('500', { retryable: true }) } : 'ok',
    );
    const { queue } = queueUnderTest({ ...channel.sender, pace: paced }, { random: () => 0 });

    // Act
    for (let i = 0; i < 20; i += 1) queue.enqueue(serviceNotification('DeploymentStarted', `svc-${i}`));
    queue.enqueue(serviceNotification('DeploymentStarted', 'late'));
    await vi.advanceTimersByTimeAsync(20_000);

    // Assess
    const groupAttempts = channel.attempts.filter((a) => a.id.includes('/group/'));
    expect(groupAttempts).toHaveLength(2);
    expect(groupAttempts[0]!.id).toBe(groupAttempts[1]!.id);
    expect(memberIds(channel.accepted)).toHaveLength(21);
  });
});
