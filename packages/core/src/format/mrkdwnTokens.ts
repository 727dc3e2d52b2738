/** One piece of a Slack mrkdwn text. */
export type MrkdwnToken =
  | { kind: 'text'; text: string }
  | { kind: 'code'; text: string }
  | { kind: 'link'; url: string; label: string }
  | { kind: 'mention'; target: string }
  | { kind: 'emphasis'; marker: '*' | '_' | '~'; inner: MrkdwnToken[] };

/**
 * Code spans, then raw `<…>` (only the template can write one: values are escaped to `&lt;`),
 * then `*bold*`, `_italic_` and `~strike~` at word boundaries, as Slack reads them.
 */
const TOKEN = /(`[^`\n]*`)|(<[^<>\n]+>)|(?<![\w*_~])([*_~])(?=\S)([^\n]*?\S)\3(?![\w*_~])/g;

/**
 * Split a mrkdwn text into tokens; entities (`&lt;` …) are left in the `text` of text and code
 * tokens, so each renderer decodes them once.
 *
 * @example
 * tokenizeMrkdwn('`api` <https://x|see>');
 * // [{ kind: 'code', text: 'api' }, { kind: 'text', text: ' ' }, { kind: 'link', url: 'https://x', label: 'see' }]
 */
export function tokenizeMrkdwn(text: string): MrkdwnToken[] {
  const tokens: MrkdwnToken[] = [];
  let last = 0;
  for (const match of text.matchAll(TOKEN)) {
    if (match.index > last) tokens.push({ kind: 'text', text: text.slice(last, match.index) });
    const [whole, code, angle, marker, inner] = match;
    if (code !== undefined) tokens.push({ kind: 'code', text: code.slice(1, -1) });
    else if (angle !== undefined) tokens.push(angleToken(angle.slice(1, -1)));
    else tokens.push({ kind: 'emphasis', marker: marker as '*' | '_' | '~', inner: tokenizeMrkdwn(inner ?? '') });
    last = match.index + whole.length;
  }
  if (last < text.length) tokens.push({ kind: 'text', text: text.slice(last) });
  return tokens;
}

/** `<https://x|label>`, `<https://x>`, `<!here>`, `<@U123>`, `<#C123|deploys>`. */
function angleToken(body: string): MrkdwnToken {
  const [target = '', label] = body.split('|', 2);
  if (/^[!@#]/.test(target)) return { kind: 'mention', target: label ?? target.slice(1) };
  return { kind: 'link', url: target, label: label ?? target };
}
