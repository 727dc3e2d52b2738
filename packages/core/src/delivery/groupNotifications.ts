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
 * backlog grows into its groups. A lone member stays the notification it was.
 *
 * A group's id is derived from its members' ids, so the same members always make the same id
 * (retries and replays dedupe); its text is the members' texts, one after the other, under
 * a title such as "12 deployments started in prod".
 *
 * @example
 * groupNotifications(backlog, 50); // [{ id: 'prod/group/started/3f2a…', title: '12 deployments started in prod', group: { kind: 'started', members } }]
 */
export function groupNotifications(notifications: readonly Notification[], maxSize: number): Notification[] {
  const buckets = new Map<string, { kind: GroupKind; members: Notification[] }>();
  for (const notification of notifications) {
    const kind = groupKindOf(notification);
    if (kind === undefined) throw new RangeError(`notification ${notification.id} cannot be grouped`);
    const { cluster, region } = notification.event;
    const key = `${region}\u0000${cluster}\u0000${kind}`;
    const bucket = buckets.get(key) ?? { kind, members: [] };
    bucket.members.push(...(notification.group?.members ?? [notification]));
    buckets.set(key, bucket);
  }
  const result: Notification[] = [];
  for (const { kind, members } of buckets.values()) {
    for (let start = 0; start < members.length; start += maxSize) {
      const chunk = members.slice(start, start + maxSize);
      result.push(chunk.length === 1 ? chunk[0]! : groupOf(kind, chunk));
    }
  }
  return result;
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
