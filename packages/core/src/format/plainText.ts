/** Slack emoji shortcodes the default formatter puts first (`:x: `). */
const LEADING_SHORTCODES = /^(?::[a-z0-9_+-]+:\s*)+/i;
/** The only entities mrkdwn escaping (`escapeMrkdwn`) produces. */
const MRKDWN_ENTITIES: Readonly<Record<string, string>> = { '&lt;': '<', '&gt;': '>', '&amp;': '&' };

/**
 * A formatted text (Slack mrkdwn by default) as plain text for channels that are not Slack
 * (SNS subscribers, email, a terminal): leading emoji shortcodes dropped and the mrkdwn entities
 * decoded, so such a channel escapes the real characters once, its own way. Only leading
 * shortcodes go: anywhere else a `:word:` may belong to the user's own template (a time, an ARN).
 * Pass `emoji` to turn known shortcodes anywhere into characters instead (a terminal).
 *
 * @example
 * plainText(':x: `api` failed: a &lt;b&gt;'); // '`api` failed: a <b>'
 * plainText(':x: `api` failed', { emoji: { x: '❌' } }); // '❌ `api` failed'
 */
export function plainText(text: string, options: { emoji?: Readonly<Record<string, string>> } = {}): string {
  const { emoji } = options;
  const shortcodes = emoji
    ? text.replace(/:([a-z0-9_+-]+):/g, (whole, name: string) => emoji[name] ?? whole).replace(LEADING_SHORTCODES, '')
    : text.replace(LEADING_SHORTCODES, '');
  return decodeMrkdwn(shortcodes);
}

/**
 * Undoes `escapeMrkdwn`: `&lt;`, `&gt;` and `&amp;` back to `<`, `>` and `&`.
 *
 * @example
 * decodeMrkdwn('a &lt;b&gt; &amp;amp;'); // 'a <b> &amp;'
 */
export function decodeMrkdwn(text: string): string {
  return text.replace(/&(?:lt|gt|amp);/g, (entity) => MRKDWN_ENTITIES[entity] ?? entity);
}
