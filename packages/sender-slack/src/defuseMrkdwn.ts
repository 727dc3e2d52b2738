/** A Slack link as a template writes it: `<https://…>` or `<https://…|label>` (also `mailto:`). */
const LINK = /<(?:https?:\/\/|mailto:)[^\s<>|]+(?:\|[^<>]*)?>/gy;

/**
 * Make the formatter's `text` safe to post without escaping it twice: links written by a
 * template (`<https://runbook|runbook>`) are kept, every other `<` and `>` is escaped, so a
 * `<!channel>`, `<@U123>` or `<!subteam^S1>` that reached the text (say, a raw stop reason in a
 * user template) pings nobody. Entities the formatter produced (`&lt;`) contain no `<` and stay
 * as they are. Pings are only allowed through the `mentions` option.
 *
 * @example
 * defuseMrkdwn('failed <!channel>, see <https://wiki/runbook|runbook>');
 * // 'failed &lt;!channel&gt;, see <https://wiki/runbook|runbook>'
 */
export function defuseMrkdwn(text: string): string {
  let out = '';
  let i = 0;
  while (i < text.length) {
    const char = text[i] as string;
    if (char === '<') {
      LINK.lastIndex = i;
      const link = LINK.exec(text);
      if (link !== null) {
        out += link[0];
        i += link[0].length;
        continue;
      }
      out += '&lt;';
    } else {
      out += char === '>' ? '&gt;' : char;
    }
    i += 1;
  }
  return out;
}
