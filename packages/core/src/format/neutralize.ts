/**
 * Bidirectional controls (U+202A–U+202E embeddings and overrides, U+2066–U+2069 isolates, and
 * the LRM/RLM/ALM marks): text from ECS that holds them can display reversed ("Trojan Source"),
 * so a stop reason could show a different service or command than it carries.
 */
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/g;
/** C0/C1 control characters other than tab and line feed: never meant for a reader. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROLS = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g;
/**
 * `<` where it would open a Slack control sequence (`<!channel>`, `<@U123>`, `<#C1>`), an HTML
 * tag or a Markdown/Google Chat autolink or mention (`<users/all>`). A `<` elsewhere (`a < b`) stays.
 */
const TAG_OPENER = /<(?=[!@#/?a-zA-Z])/g;
/** `@everyone`, `@here`, `@channel`, `@all`, `@alice` at a word start: a ping in Discord, Mattermost and others. */
const AT_MENTION = /(^|[^\w@.+-])@(?=[\w])/g;
/** `[label](url)`: a Markdown link or image wherever the text is rendered as Markdown later. */
const MARKDOWN_LINK = /\]\(/g;
/** U+2039 SINGLE LEFT-POINTING ANGLE QUOTATION MARK: reads as `<`, opens nothing in any channel. */
export const DEFUSED_LT = '‹';
/** U+200B ZERO WIDTH SPACE: `@\u200Beveryone` shows as `@everyone` and pings no one (Discord's own advice). */
export const ZERO_WIDTH_SPACE = '\u200B';

/**
 * Remove bidirectional controls and other control characters (tab and line feed stay).
 *
 * @example
 * stripControls('api\u202Egnp.exe'); // 'apignp.exe'
 */
export function stripControls(text: string): string {
  return text.replace(BIDI_CONTROLS, '').replace(CONTROLS, '');
}

/**
 * Make a raw string (from ECS, an application or the user) inert in every channel while it still
 * reads the same: controls removed, a tag or mention opener `<` shown as `‹`, and `@word` and a
 * Markdown link's `](` broken by a zero-width space (a Lambda may forward the text to Markdown). Channels then escape it their own way (HTML, Markdown) on top.
 *
 * @example
 * defuse('<!channel> @everyone <script>'); // '‹!channel> @\u200Beveryone ‹script>'
 */
export function defuse(value: unknown): string {
  return stripControls(String(value ?? ''))
    .replace(TAG_OPENER, DEFUSED_LT)
    .replace(AT_MENTION, `$1@${ZERO_WIDTH_SPACE}`)
    .replace(MARKDOWN_LINK, `]${ZERO_WIDTH_SPACE}(`);
}
