import { stripControls } from './neutralize.js';

/**
 * Escape a value for Slack mrkdwn. Slack reads `<…>` as links and pings (`<!channel>`,
 * `<@U123>`), and `&` starts an entity, so these three characters are the whole control set.
 * Every value that came from ECS or the user goes through here before it is interpolated; its
 * bidi and control characters are dropped too, so a stop reason cannot display reversed.
 *
 * @example
 * escapeMrkdwn('<!channel> & co'); // '&lt;!channel&gt; &amp; co'
 */
export function escapeMrkdwn(value: unknown): string {
  return stripControls(String(value ?? ''))
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}

/**
 * Escape a value and show it as inline code; backticks in the value would end the code span
 * early, so they are replaced by a look-alike (ECS names never contain them; reasons might).
 *
 * @example
 * code('api'); // '`api`'
 */
export function code(value: unknown): string {
  return `\`${escapeMrkdwn(value).replace(/`/g, 'ˋ')}\``;
}
