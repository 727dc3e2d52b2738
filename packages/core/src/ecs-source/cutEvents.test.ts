import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cutEvents } from './cutEvents.js';

const event = (i: number, message = `(service api) has reached a steady state. ${i}`) => ({
  createdAt: 1_700_000_000.5 - i,
  id: `e-${i}`,
  message,
});

function answer(eventsPerService: number[], message?: (i: number) => string) {
  return {
    services: eventsPerService.map((n, s) => ({
      serviceName: `svc-${s}`,
      status: 'ACTIVE',
      deployments: [{ id: `ecs-svc/${s}`, status: 'PRIMARY', createdAt: 1_700_000_000 }],
      events: Array.from({ length: n }, (_, i) => event(i, message?.(i))),
      desiredCount: 2,
    })),
    failures: [],
  };
}

/** What the source would get from a whole parse: every events array sliced to `keep`. */
function sliced(value: ReturnType<typeof answer>, keep: number) {
  return { ...value, services: value.services.map((s) => ({ ...s, events: s.events.slice(0, keep) })) };
}

const bytesOf = (value: unknown): Uint8Array => new TextEncoder().encode(typeof value === 'string' ? value : JSON.stringify(value));
const parsed = (bytes: Uint8Array | undefined): unknown => JSON.parse(new TextDecoder().decode(bytes ?? bytesOf('null')));

describe('cutEvents', () => {
  it('keeps the first events of every service and everything else as it was', () => {
    // Prepare
    const body = bytesOf(answer([100, 3, 0, 5, 6]));
    // Act
    const cut = cutEvents(body, 5);
    // Assess
    expect(parsed(cut)).toEqual(sliced(answer([100, 3, 0, 5, 6]), 5));
    expect(cut?.length ?? Infinity).toBeLessThan(body.length / 3);
  });

  it('reads brackets, braces, quotes, backslashes and an "events" key inside messages as text', () => {
    // Prepare
    const tricky = (i: number) =>
      ['a ] b', 'c } { d', 'say "hi" \\ there', '"events":[{"id":"x"}]', 'ünïcødé ✓ \u2028', '[[]]', 'ends with \\', '\\"'][
        i % 8
      ] as string;
    const body = answer([40, 12], tricky);
    // Act
    const cut = cutEvents(bytesOf(body), 3);
    // Assess
    expect(parsed(cut)).toEqual(sliced(body, 3));
  });

  it('cuts events that hold objects, counting them by depth', () => {
    // Prepare
    const body = '{"services":[{"events":[{"id":"e","detail":{"a":{"b":1}}},{"id":"f"},{"id":"g"}]}]}';
    // Act / Assess
    expect(parsed(cutEvents(bytesOf(body), 1))).toEqual({ services: [{ events: [{ id: 'e', detail: { a: { b: 1 } } }] }] });
  });

  it('gives up on a shape it does not know, so the caller parses the whole answer', () => {
    // Prepare: an array inside an event, values that are not events, an answer cut short
    const shapes = [
      '{"services":[{"events":[{"id":"e","tags":["a"]},{"id":"f"}]}]}',
      '{"services":[{"events":["e","f"]}]}',
      '{"services":[{"events":[1,2]}]}',
      '{"services":[{"events":[{"id":"e"},{"id":"f"',
      '{"services":[{"events":[{"id":"e"},{"id":"f}]}]}',
    ];
    // Act / Assess
    for (const shape of shapes) expect(cutEvents(bytesOf(shape), 1), shape).toBeUndefined();
  });

  it('returns the same bytes when no array is longer than keep', () => {
    // Prepare
    const body = bytesOf(answer([2, 5]));
    const empty = bytesOf('{"services":[],"failures":[]}');
    // Act / Assess
    expect(cutEvents(body, 5)).toBe(body);
    expect(cutEvents(empty, 5)).toBe(empty);
  });

  it('always parses to what a whole parse sliced to keep gives (any message, any count)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.string({ unit: 'binary', maxLength: 20 }), { maxLength: 12 }), { minLength: 1, maxLength: 4 }),
        fc.integer({ min: 1, max: 6 }),
        (messages, keep) => {
          const body = answer(
            messages.map((m) => m.length),
            (i) => messages.flat()[i] ?? '',
          );
          const cut = cutEvents(bytesOf(body), keep);
          expect(cut).toBeDefined();
          expect(parsed(cut)).toEqual(sliced(body, keep));
        },
      ),
      { numRuns: 300 },
    );
  });
});
