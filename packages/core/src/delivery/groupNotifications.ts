import { createHash } from 'node:crypto';
import type { Notification } from '../model/notification.js';
import { escapeMrkdwn } from '../format/escapeMrkdwn.js';
import { textForms } from '../format/textForms.js';

/** How a groupable notification is counted in a group's title, by kind. */
const KINDS = {
  started: { one: 'deployment started', many: 'deployments started' },
  done: { one: 'deployment done', many: 'deployments done' },
  scaling: { one: 'service scaling', many: 'services scaling' },
  scaled: { one: 'scaling done', many: 'scalings done' },
  recovered: { one: 'service recovered', many: 'services recovered' },
} as const;

/** The kinds of notification that may be grouped. */
export type GroupKind = keyof typeof KINDS;

/**
 * The group kind of a notification, or undefined when it must stay a message of its own.
 * Only routine news is grouped: deployments started and done, scaling started and done,
 * recoveries. Failures, rollbacks, stalls, crashes, removals and the monitor's own news are
 * never grouped, so a group can never hide one among successes.
 *
 * @example
 * groupKindOf(startedNotification); // 'started'
 * groupKindOf(failedNotification); // undefined
 */
export function groupKindOf(notification: Notification): GroupKind | undefined {
  if (notification.group !== undefined) return notification.group.kind as GroupKind;
  const { event } = notification;
  switch (event.type) {
    case 'DeploymentStarted':
      return 'started';
    case 'ScalingStarted':
      return 'scaling';
    case 'DeploymentCompleted':
      if (event.kind === 'deploy') return 'done';
      if (event.kind === 'scale') return 'scaled';
      if (event.kind === 'recover') return 'recovered';
      return undefined;
    default:
      return undefined;
  }
}

/**
 * Group routine notifications by cluster and kind, in order of first appearance, at most
 * `maxSize` members a message. Input groups are opened and regrouped with the rest, so a
 * backlog grows into its groups. A lone member stays the notification it was. A service's
 * notifications keep their order: one never goes into a group sent before the group holding the
 * service's earlier one (a deployment's "done" never before its "started", however the
 * backlog interleaves), so such a backlog may make a few more, smaller groups.
 *
 * A group's id is derived from its members' ids, so the same members always make the same id
 * (retries and replays dedupe); its text is the members' texts, one after the other, under
 * a title such as "12 deployments started in prod".
 *
 * @example
 * groupNotifications(backlog, 50); // [{ id: 'prod/group/started/3f2a…', title: '12 deployments started in prod', group: { kind: 'started', members } }]
 */
export function groupNotifications(notifications: readonly Notification[], maxSize: number): Notification[] {
  const groups: Array<{ kind: GroupKind; members: Notification[] }> = [];
  // The group each cluster-and-kind fills now, and the group holding each service's latest news.
  const open = new Map<string, number>();
  const latestOf = new Map<string, number>();
  for (const notification of notifications) {
    const kind = groupKindOf(notification);
    if (kind === undefined) throw new RangeError(`notification ${notification.id} cannot be grouped`);
    for (const member of notification.group?.members ?? [notification]) {
      const { event } = member;
      const where = `${event.region}\u0000${event.cluster}`;
      const service = 'service' in event ? `${where}\u0000${event.service}` : undefined;
      // A service's news keeps its order: never in a group sent before one holding its earlier news.
      const after = service === undefined ? -1 : (latestOf.get(service) ?? -1);
      let index = open.get(`${where}\u0000${kind}`);
      if (index === undefined || index < after || groups[index]!.members.length >= maxSize) {
        index = groups.push({ kind, members: [] }) - 1;
        open.set(`${where}\u0000${kind}`, index);
      }
      groups[index]!.members.push(member);
      if (service !== undefined) latestOf.set(service, index);
    }
  }
  return groups.map(({ kind, members }) => (members.length === 1 ? members[0]! : groupOf(kind, members)));
}

function groupOf(kind: GroupKind, members: Notification[]): Notification {
  const first = members[0]!;
  const { cluster } = first.event;
  const hash = createHash('sha256')
    .update(members.map((m) => m.id).join('\n'))
    .digest('hex')
    .slice(0, 16);
  const title = `${members.length} ${KINDS[kind].many} in ${cluster}`;
  // The cluster name comes from the config or ECS: escaped like every other string in mrkdwn,
  // and each channel-neutral form is the header's plus the members' own.
  const header = `*${escapeMrkdwn(title)}*`;
  const forms = textForms(header);
  return {
    id: `${cluster}/group/${kind}/${hash}`,
    event: first.event,
    title,
    text: [header, ...members.map((m) => m.text)].join('\n'),
    plain: [forms.plain, ...members.map((m) => m.plain)].join('\n'),
    markdown: [forms.markdown, ...members.map((m) => m.markdown)].join('\n'),
    severity: first.severity,
    group: { kind, members },
  };
}
