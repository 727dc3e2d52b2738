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

describe('cutEvents', () => {
  it('keeps the first events of every service and everything else as it was', () => {
    // Prepare
    const body = answer([100, 3, 0, 5, 6]);
    // Act
    const text = cutEvents(JSON.stringify(body), 5);
    // Assess
    expect(JSON.parse(text ?? 'null')).toEqual(sliced(body, 5));
    expect((text ?? '').length).toBeLessThan(JSON.stringify(body).length / 3);
  });

  it('reads brackets, braces, quotes, backslashes and an "events" key inside messages as text', () => {
    // Prepare
    const tricky = (i: number) =>
      ['a ] b', 'c } { d', 'say "hi" \\ there', '"events":[{"id":"x"}]', 'ünïcødé ✓ \u2028', '[[]]'][i % 6] as string;
    const body = answer([40, 12], tricky);
    // Act
    const text = cutEvents(JSON.stringify(body), 3);
    // Assess
    expect(JSON.parse(text ?? 'null')).toEqual(sliced(body, 3));
  });

  it('gives up on a shape it does not know, so the caller parses the whole text', () => {
    // Prepare: an event with a nested object, and whitespace ECS does not send
    const nested = '{"services":[{"events":[{"id":"e","detail":{"a":1}},{"id":"f"}]}]}';
    const truncated = '{"services":[{"events":[{"id":"e"},{"id":"f"';
    // Act / Assess
    expect(cutEvents(nested, 1)).toBeUndefined();
    expect(cutEvents(truncated, 1)).toBeUndefined();
    expect(cutEvents('{"services":[],"failures":[]}', 5)).toBe('{"services":[],"failures":[]}');
  });

  it('returns the text unchanged when no array is longer than keep', () => {
    // Prepare
    const text = JSON.stringify(answer([2, 5]));
    // Act / Assess
    expect(cutEvents(text, 5)).toBe(text);
  });
});
