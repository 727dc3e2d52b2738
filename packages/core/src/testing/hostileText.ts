import type { ChannelMarkup } from './senderHarness.js';

/** Bidi controls that make text display reversed; no channel may receive one. */
const BIDI = ['\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069'];

/** Markup in every channel that renders any: a Slack ping and user mention, an HTML tag. */
const EVERYWHERE = ['<!channel>', '<@U012AB3CD>', '<script>'];

/** Pings in Discord and Mattermost and a Markdown link: live wherever text may end up rendered as Markdown. */
const MARKDOWN_LIVE = ['@everyone', '@here', '[click here](https://evil.example/)'];

/**
 * The parts of `HOSTILE_REASON` that must never reach a channel with this markup verbatim,
 * each with what it would do there. Slack and HTML read `@everyone` and `[x](y)` as plain text;
 * plain text is forwarded anywhere (an SNS subscriber posting to Discord), so it gets the strictest list.
 *
 * @example
 * hostileStringsFor('markdown'); // [['<!channel>', …], …, ['@everyone', …]]
 */
export function hostileStringsFor(markup: ChannelMarkup): Array<[raw: string, what: string]> {
  const list: Array<[string, string]> = [
    ...EVERYWHERE.map((raw): [string, string] => [raw, 'a Slack ping or an HTML tag']),
    ...BIDI.map((raw): [string, string] => [
      raw,
      `the bidi control U+${raw.charCodeAt(0).toString(16).toUpperCase()}, which displays text reversed`,
    ]),
  ];
  if (markup === 'markdown' || markup === 'plain')
    list.push(...MARKDOWN_LIVE.map((raw): [string, string] => [raw, 'a ping or a link in Markdown channels']));
  return list;
}

/**
 * Entities that show the sender forwarded Slack's escaping instead of the form for its markup:
 * `&lt;` in plain or Markdown text, or `&amp;lt;` (escaped twice) in HTML. Slack itself has none.
 *
 * @example
 * undecodedEntitiesFor('plain'); // ['&lt;', '&gt;', '&amp;']
 */
export function undecodedEntitiesFor(markup: ChannelMarkup): string[] {
  if (markup === 'slack') return [];
  if (markup === 'html') return ['&amp;lt;', '&amp;gt;', '&amp;amp;'];
  return ['&lt;', '&gt;', '&amp;'];
}
