/**
 * Escape a string for Slack mrkdwn, as Slack documents it: only `&`, `<` and `>` are control
 * characters. With them escaped, `<!channel>`, `<@U123>` or `<https://evil|click>` coming from a
 * stop reason, a service name or an image tag render as plain text and ping nobody.
 *
 * `&` goes first so that the entities produced for `<` and `>` are not escaped twice.
 *
 * @example
 * escapeMrkdwn('CannotPull <!channel> & retry'); // 'CannotPull &lt;!channel&gt; &amp; retry'
 */
export function escapeMrkdwn(value: string): string {
  return value.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}
