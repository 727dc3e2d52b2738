/** SNS rejects a longer `Subject`. */
export const MAX_SUBJECT_LENGTH = 100;

/**
 * Turns a notification title into a valid SNS `Subject`: ASCII printable characters only (SNS
 * rejects line breaks, control characters and anything else with `InvalidParameter`), whitespace
 * collapsed, at most 100 characters. Arrows and dashes that carry meaning in titles
 * (`2 → 3`, `v41 — v42`) become their ASCII spellings; non-ASCII letters lose their accents
 * rather than vanish; other characters (emoji) are dropped. Falls back to `fallback` when nothing printable is left.
 *
 * @example
 * toSnsSubject('✅ api\ndeployment done', 'Mona'); // 'api deployment done'
 */
export function toSnsSubject(title: string, fallback: string): string {
  const ascii = title
    .replace(/[→⟶➔]/g, '->')
    .replace(/[←⟵]/g, '<-')
    .replace(/[–—]/g, '-')
    .replace(/…/g, '...')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[\s\p{Cc}]+/gu, ' ')
    .replace(/[^\x20-\x7e]/g, '')
    .replace(/ {2,}/g, ' ')
    .trim();
  const subject = ascii === '' ? fallback : ascii;
  return subject.length <= MAX_SUBJECT_LENGTH ? subject : `${subject.slice(0, MAX_SUBJECT_LENGTH - 3).trimEnd()}...`;
}
