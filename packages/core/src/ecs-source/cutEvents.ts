const EVENTS_KEY = Buffer.from('"events":[');
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const COMMA = 0x2c;

/**
 * The bytes of a DescribeServices answer with each service's `events` array cut to its first
 * `keep` entries, or undefined when the bytes are not shaped as expected (then parse them whole).
 * Returns `bytes` itself when no array is longer than `keep`.
 *
 * Why: ECS sends up to 100 events per service, newest first, every time, and the source keeps at
 * most `keep` of them (`maxEventsPerService`): about 85 % of each answer. Cut on the bytes, before
 * decoding, those events become neither objects nor part of a decoded string: the 100 KB string
 * per answer and the objects parsed only to be dropped were most of the heap and of the garbage
 * collector's work at 5,000 services (issue 13, bench/RESULTS.md).
 *
 * Safe by construction: JSON's structural characters and quotes are ASCII, and no byte of a
 * multi-byte UTF-8 sequence is ASCII, so scanning bytes is scanning characters. `"events":[`
 * cannot occur inside a JSON string (its quotes would be escaped). Strings are skipped to their
 * closing quote (one preceded by an even number of backslashes); between strings, objects are
 * counted by depth (an event may hold objects); an array inside an event, a value that is not an
 * object, or an answer cut short gives up, so the result always parses to what `JSON.parse` and a
 * slice to `keep` would give.
 *
 * @example
 * const cut = cutEvents(body, 5) ?? body;
 * JSON.parse(Buffer.from(cut).toString()); // every events array holds at most 5 entries
 */
export function cutEvents(bytes: Uint8Array, keep: number): Uint8Array | undefined {
  const buffer = Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const kept: Uint8Array[] = [];
  let copiedUpTo = 0;
  let from = buffer.indexOf(EVENTS_KEY);
  while (from !== -1) {
    const array = scanEvents(buffer, from + EVENTS_KEY.length, keep);
    if (!array) return undefined;
    if (array.cutAt !== -1) {
      kept.push(buffer.subarray(copiedUpTo, array.cutAt));
      copiedUpTo = array.close;
    }
    from = buffer.indexOf(EVENTS_KEY, array.close + 1);
  }
  if (kept.length === 0) return bytes;
  kept.push(buffer.subarray(copiedUpTo));
  return Buffer.concat(kept);
}

/**
 * One events array from just after its `[`: where the `keep`-th event ends (-1 when there are no
 * more than `keep`) and where its `]` is; undefined for a shape it does not know.
 */
function scanEvents(buffer: Buffer, start: number, keep: number): { cutAt: number; close: number } | undefined {
  let depth = 0;
  let count = 0;
  let cutAt = -1;
  for (let at = start; at < buffer.length; at += 1) {
    const byte = buffer[at] as number;
    if (byte === QUOTE) {
      if (depth === 0) return undefined; // a string where an event should be
      at = closingQuote(buffer, at + 1);
      if (at === -1) return undefined;
    } else if (byte === OPEN_BRACE) {
      depth += 1;
    } else if (byte === CLOSE_BRACE) {
      depth -= 1;
      if (depth < 0) return undefined;
      if (depth === 0) {
        count += 1;
        if (count === keep) cutAt = at + 1;
      }
    } else if (byte === CLOSE_BRACKET) {
      if (depth !== 0) return undefined; // an array inside an event
      return { cutAt: count > keep ? cutAt : -1, close: at };
    } else if (byte === OPEN_BRACKET) {
      return undefined; // an array inside an event: not ECS's shape
    } else if (depth === 0 && byte !== COMMA && byte > 0x20) {
      return undefined; // a number, true, false or null where an event should be
    }
  }
  return undefined; // cut short
}

/**
 * The index of the quote closing the string whose first character is at `from` (one preceded by
 * an even number of backslashes); -1 if none. `indexOf` jumps over the string's text natively,
 * faster than a byte loop in JavaScript.
 */
function closingQuote(buffer: Buffer, from: number): number {
  for (let at = buffer.indexOf(QUOTE, from); at !== -1; at = buffer.indexOf(QUOTE, at + 1)) {
    let backslashes = 0;
    while (buffer[at - 1 - backslashes] === BACKSLASH) backslashes += 1;
    if (backslashes % 2 === 0) return at;
  }
  return -1;
}
