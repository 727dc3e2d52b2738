import { describe, expect, it } from 'vitest';
import { groupKindOf, groupNotifications } from './groupNotifications.js';
import { serviceNotification } from './__fixtures__/queueUnderTest.js';

const started = (n: number, cluster = 'prod') =>
  Array.from({ length: n }, (_, i) => serviceNotification('DeploymentStarted', `svc-${i}`, cluster));

describe('groupNotifications', () => {
  it('makes one message per cluster and kind, titled with the count, listing every member text', () => {
    const backlog = [...started(3), serviceNotification('DeploymentCompleted', 'svc-0'), ...started(2, 'staging')];

    const groups = groupNotifications(backlog, 50);

    expect(groups.map((g) => g.title)).toEqual([
      '3 deployments started in prod',
      'DeploymentCompleted svc-0',
      '2 deployments started in staging',
    ]);
    expect(groups[0]!.text.split('\n')).toEqual(['*3 deployments started in prod*', ...backlog.slice(0, 3).map((n) => n.text)]);
    expect(groups[0]!.group?.members.map((m) => m.id)).toEqual([
      'DeploymentStarted:svc-0',
      'DeploymentStarted:svc-1',
      'DeploymentStarted:svc-2',
    ]);
  });

  it('gives the same id to the same members, and another to other members', () => {
    const [a, b, c] = [
      groupNotifications(started(3), 50)[0]!,
      groupNotifications(started(3), 50)[0]!,
      groupNotifications(started(4), 50)[0]!,
    ];

    expect(a.id).toBe(b.id);
    expect(a.id).not.toBe(c.id);
    expect(a.id).toMatch(/^prod\/group\/started\/[0-9a-f]{16}$/);
  });

  it('splits a large kind into messages of at most maxSize members', () => {
    const groups = groupNotifications(started(120), 50);

    expect(groups.map((g) => g.group?.members.length)).toEqual([50, 50, 20]);
  });

  it('opens groups it is given, so a backlog grows into its groups', () => {
    const [first] = groupNotifications(started(3), 50);

    const regrouped = groupNotifications([first!, serviceNotification('DeploymentStarted', 'late')], 50);

    expect(regrouped).toHaveLength(1);
    expect(regrouped[0]!.group?.members).toHaveLength(4);
  });

  it("never sends a service's done before its started, however the backlog interleaves them", () => {
    // Prepare: a's start was sent already; a's done came in before b's and c's starts, which are followed by their dones.
    const backlog = [
      serviceNotification('DeploymentCompleted', 'a'),
      serviceNotification('DeploymentStarted', 'b'),
      serviceNotification('DeploymentStarted', 'c'),
      serviceNotification('DeploymentCompleted', 'b'),
      serviceNotification('DeploymentCompleted', 'c'),
      serviceNotification('DeploymentStarted', 'd'),
    ];
    // Act
    const groups = groupNotifications(backlog, 50);
    // Assess
    const order = groups.flatMap((g) => (g.group?.members ?? [g]).map((m) => m.id));
    for (const service of ['b', 'c']) {
      expect(order.indexOf(`DeploymentStarted:${service}`)).toBeLessThan(order.indexOf(`DeploymentCompleted:${service}`));
    }
    expect(groups.map((g) => g.group?.members.map((m) => m.id) ?? [g.id])).toEqual([
      ['DeploymentCompleted:a'],
      ['DeploymentStarted:b', 'DeploymentStarted:c', 'DeploymentStarted:d'],
      ['DeploymentCompleted:b', 'DeploymentCompleted:c'],
    ]);
  });

  it('never groups a failure, a rollback or a rollback completion', () => {
    const rollbackDone = serviceNotification('DeploymentCompleted', 'api');
    const rollbackDoneEvent = { ...rollbackDone, event: { ...rollbackDone.event, kind: 'rollback' } } as typeof rollbackDone;

    const kinds = [serviceNotification('DeploymentFailed', 'api'), serviceNotification('RollbackStarted', 'api'), rollbackDoneEvent].map(
      groupKindOf,
    );

    expect(kinds).toEqual([undefined, undefined, undefined]);
    expect(() => groupNotifications([serviceNotification('DeploymentFailed', 'api')], 50)).toThrow(RangeError);
  });
});
