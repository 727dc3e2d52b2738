/** Slack emoji shortcodes the default formatter puts first (`:x: `). */
const LEADING_SHORTCODES = /^(?::[a-z0-9_+-]+:\s*)+/i;
/** The only entities Slack mrkdwn escaping produces. */
const MRKDWN_ENTITIES: Record<string, string> = { '&lt;': '<', '&gt;': '>', '&amp;': '&' };

/**
 * The formatted text (Slack mrkdwn by default) as plain text for SNS subscribers (email, SMS,
 * queues): leading emoji shortcodes dropped, mrkdwn entities decoded. Only leading shortcodes go:
 * elsewhere a `:word:` may belong to the user's template (a time, an ARN).
 *
 * @example
 * plainText(':x: `api` failed: a &lt;b&gt;'); // '`api` failed: a <b>'
 */
export function plainText(text: string): string {
  return text.replace(LEADING_SHORTCODES, '').replace(/&(?:lt|gt|amp);/g, (entity) => MRKDWN_ENTITIES[entity] ?? entity);
}
