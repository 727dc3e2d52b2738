/** Appended where a text was cut, so a reader knows there was more. */
export const ELLIPSIS = '…';

/** How a channel counts its limit: UTF-16 code units (JavaScript `length`, most JSON APIs) or UTF-8 bytes (SNS). */
export type LengthUnit = 'chars' | 'bytes';

function measure(text: string, unit: LengthUnit): number {
  return unit === 'bytes' ? Buffer.byteLength(text, 'utf8') : text.length;
}

/**
 * Cut `text` to at most `max` (in `unit`), ending with `…`. It never splits a surrogate pair
 * (an emoji) and prefers to end at a line break in the last fifth, so a cut message ends on a
 * whole line. A text within the limit is returned as it is.
 *
 * @example
 * truncateText('a'.repeat(5000), 2000).length; // 2000
 */
export function truncateText(text: string, max: number, unit: LengthUnit = 'chars'): string {
  if (measure(text, unit) <= max) return text;
  const budget = max - measure(ELLIPSIS, unit);
  if (budget <= 0) return ELLIPSIS.slice(0, Math.max(0, max));
  let head = unit === 'bytes' ? bytePrefix(text, budget) : text.slice(0, budget);
  if (/[\uD800-\uDBFF]$/.test(head)) head = head.slice(0, -1);
  const end = head.length;
  const lineBreak = text.lastIndexOf('\n', end);
  const cut = lineBreak > end * 0.8 ? lineBreak : end;
  return `${text.slice(0, cut).trimEnd()}${ELLIPSIS}`;
}

/** The longest prefix of `text` within `bytes` UTF-8 bytes, never ending in half a character. */
function bytePrefix(text: string, bytes: number): string {
  const head = Buffer.from(text, 'utf8').subarray(0, bytes).toString('utf8');
  return head.endsWith('\uFFFD') && !text.startsWith(head) ? head.slice(0, -1) : head;
}
