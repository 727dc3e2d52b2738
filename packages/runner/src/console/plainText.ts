/** The Slack emoji codes Mona's default texts use, and a few common ones in user templates. */
const EMOJI: Readonly<Record<string, string>> = {
  arrows_clockwise: '🔄',
  boom: '💥',
  eyes: '👀',
  left_right_arrow: '↔️',
  leftwards_arrow_with_hook: '↩️',
  warning: '⚠️',
  wastebasket: '🗑️',
  white_check_mark: '✅',
  x: '❌',
  rocket: '🚀',
  fire: '🔥',
  rotating_light: '🚨',
  tada: '🎉',
  wave: '👋',
  heavy_check_mark: '✔️',
  information_source: 'ℹ️',
};

/** Terminal control bytes (ESC, BEL, …): a stop reason must never move the cursor or recolour the screen. */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

/**
 * Turn a notification text (Slack mrkdwn) into plain terminal text: known emoji codes become
 * unicode, unknown ones standing alone are removed, Slack's `&lt;`/`&gt;`/`&amp;` escapes are
 * undone (a terminal has no pings to defuse) and control characters are dropped.
 *
 * @example
 * plainText(':white_check_mark: `api` done &lt;ok&gt;'); // '✅ `api` done <ok>'
 */
export function plainText(text: string): string {
  return text
    .replace(/:([a-z0-9_+-]+):/g, (whole, name: string) => EMOJI[name] ?? whole)
    .replace(/(^|\s):[a-z0-9_+-]+:(?=\s|$)/g, '$1')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(CONTROL, '');
}
