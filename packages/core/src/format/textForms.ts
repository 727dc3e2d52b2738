import { emojify } from 'node-emoji';
import { defuse, ZERO_WIDTH_SPACE } from './neutralize.js';
import { decodeMrkdwn } from './plainText.js';
import { tokenizeMrkdwn, type MrkdwnToken } from './mrkdwnTokens.js';

/** The text of a notification in the forms that channels other than Slack render. */
export interface TextForms {
  /** Plain Unicode text: emoji as characters, no entities, mentions and tags defused (see `defuse`). */
  plain: string;
  /** CommonMark: code spans and the template's emphasis and links kept, everything else escaped. */
  markdown: string;
}

/** The ASCII punctuation that starts Markdown inline markup (links, emphasis, code, HTML); `](` is defused anyway, so parentheses stay readable. */
const MARKDOWN_SPECIAL = /[\\`*_[\]<>~]/g;

/**
 * Derive the plain and Markdown forms from a Slack mrkdwn text (the formatter's output or a user
 * template), so that every channel gets the same message without decoding Slack markup itself.
 * Values the formatter interpolated were escaped for mrkdwn; here they are decoded once and made
 * inert for the target form: a `<!channel>`, `@everyone`, `<script>` or `[link](…)` that came
 * from ECS never becomes a mention, a tag or a link.
 *
 * @example
 * textForms(':x: `api` failed: &lt;!channel&gt; [x](https://e.vil)');
 * // { plain: '❌ `api` failed: ‹!channel> [x]\u200B(https://e.vil)',
 * //   markdown: '❌ `api` failed: ‹!channel\\> \\[x\\]\u200B(https://e.vil)' }
 */
export function textForms(mrkdwn: string): TextForms {
  const tokens = tokenizeMrkdwn(mrkdwn);
  return { plain: tokens.map(plainOf).join(''), markdown: tokens.map(markdownOf).join('') };
}

function inertText(raw: string): string {
  return defuse(decodeMrkdwn(emojify(raw)));
}

function plainOf(token: MrkdwnToken): string {
  switch (token.kind) {
    case 'text':
      return inertText(token.text);
    case 'code':
      return `\`${defuse(decodeMrkdwn(token.text))}\``;
    case 'mention':
      return `@${ZERO_WIDTH_SPACE}${defuse(decodeMrkdwn(token.target))}`;
    case 'link':
      return token.label === token.url ? defuse(decodeMrkdwn(token.url)) : `${inertText(token.label)} (${defuse(decodeMrkdwn(token.url))})`;
    case 'emphasis':
      return `${token.marker}${token.inner.map(plainOf).join('')}${token.marker}`;
  }
}

function escapeMarkdown(text: string): string {
  return text.replace(MARKDOWN_SPECIAL, '\\$&');
}

function markdownOf(token: MrkdwnToken): string {
  switch (token.kind) {
    case 'text':
      return escapeMarkdown(inertText(token.text));
    case 'code':
      // The formatter's `code()` never leaves a backtick inside; a user template might.
      return `\`${defuse(decodeMrkdwn(token.text)).replace(/`/g, 'ˋ')}\``;
    case 'mention':
      return `@${ZERO_WIDTH_SPACE}${escapeMarkdown(defuse(decodeMrkdwn(token.target)))}`;
    case 'link':
      return linkMarkdown(decodeMrkdwn(token.url), token.label);
    case 'emphasis': {
      const marker = token.marker === '*' ? '**' : token.marker === '~' ? '~~' : '_';
      return `${marker}${token.inner.map(markdownOf).join('')}${marker}`;
    }
  }
}

/** Only http(s) and mailto links survive as links; anything else (`javascript:`) becomes text. */
function linkMarkdown(url: string, label: string): string {
  const text = escapeMarkdown(inertText(label));
  if (!/^(https?:|mailto:)/i.test(url) || /[\s<>()]/.test(url)) return text;
  return `[${text}](${url})`;
}
