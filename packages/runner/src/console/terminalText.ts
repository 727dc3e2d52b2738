import { plainText } from '@mona-ecs/core';

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
 * A notification text (Slack mrkdwn) as terminal text: core's `plainText` with the emoji codes
 * turned into unicode (unknown leading ones dropped; a `:word:` elsewhere may be the user's), and
 * control characters dropped so a stop reason can never move the cursor or recolour the screen.
 *
 * @example
 * terminalText(':white_check_mark: `api` done &lt;ok&gt;'); // '✅ `api` done <ok>'
 */
export function terminalText(text: string): string {
  return plainText(text, { emoji: EMOJI }).replace(CONTROL, '');
}
