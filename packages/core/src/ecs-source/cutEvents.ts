const EVENTS_KEY = '"events":[';
/** One service event object: flat string and number fields (strings may hold any escaped character). */
const EVENT = /\s*\{(?:[^"{}[\]]|"(?:[^"\\]|\\.)*")*\}\s*/y;
const SEPARATOR = /,|\]/y;

/**
 * The text of a DescribeServices answer with each service's `events` array cut to its first
 * `keep` entries, or undefined when the text is not shaped as expected (then parse it whole).
 *
 * Why: ECS sends up to 100 events per service, newest first, every time, and the source keeps at
 * most `keep` of them (`maxEventsPerService`): `JSON.parse` of the whole answer built hundreds of
 * objects and strings per service only to drop them, and that garbage was most of the heap at
 * 5,000 services (bench/RESULTS.md). Skipping them on the text means they never become objects.
 *
 * Safe by construction: `"events":[` cannot occur inside a JSON string (its quotes would be
 * escaped); each skipped event must match a flat object whose strings are read with their
 * escapes, followed by `,` or `]`; anything else gives up and the caller parses the whole text,
 * so the result is always what `JSON.parse` and a slice to `keep` would give.
 *
 * @example
 * const text = cutEvents(body, 5) ?? body;
 * JSON.parse(text); // every events array holds at most 5 entries
 */
export function cutEvents(text: string, keep: number): string | undefined {
  const parts: string[] = [];
  let copiedUpTo = 0;
  let from = text.indexOf(EVENTS_KEY);
  while (from !== -1) {
    let at = from + EVENTS_KEY.length;
    let count = 0;
    let cutAt = -1;
    for (;;) {
      if (text.charCodeAt(at) === 0x5d /* ] */) break; // an empty array, or right after the last event
      EVENT.lastIndex = at;
      if (!EVENT.test(text)) return undefined;
      count += 1;
      const afterEvent = EVENT.lastIndex;
      if (count === keep) cutAt = afterEvent;
      SEPARATOR.lastIndex = afterEvent;
      if (!SEPARATOR.test(text)) return undefined;
      if (text.charCodeAt(afterEvent) === 0x5d) {
        at = afterEvent;
        break;
      }
      at = SEPARATOR.lastIndex;
    }
    // `at` is the closing bracket of this events array.
    if (cutAt !== -1 && count > keep) {
      parts.push(text.slice(copiedUpTo, cutAt));
      copiedUpTo = at;
    }
    from = text.indexOf(EVENTS_KEY, at + 1);
  }
  if (parts.length === 0) return text;
  parts.push(text.slice(copiedUpTo));
  return parts.join('');
}
