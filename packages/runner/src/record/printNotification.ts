import type { Notification } from '@mona-ecs/core';

/**
 * How `mona replay` prints one notification: a header (time, severity, title, where it would
 * have gone) and the formatted text, indented.
 *
 * @example
 * printNotification(notification, ['senders[0]:@mona-ecs/sender-slack']);
 * // 2025-06-01T12:00:03.000Z info    api: deployment started → senders[0]:@mona-ecs/sender-slack
 * //   :arrows_clockwise: `api` deployment started with task definition `api:2`
 */
export function printNotification(notification: Notification, senders?: readonly string[]): string {
  const at = new Date(notification.event.observedAt).toISOString();
  const to = senders === undefined ? '' : ` → ${senders.join(', ')}`;
  const text = notification.text
    .split('\n')
    .map((line) => `  ${line}`)
    .join('\n');
  return `${at} ${notification.severity.padEnd(7)} ${notification.title}${to}\n${text}\n`;
}
