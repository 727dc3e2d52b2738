import { Subject, VirtualTimeScheduler } from 'rxjs';
import { beforeEach, describe, expect, it } from 'vitest';
import type { EventContext } from '../model/context.js';
import type { EnrichInput, Enricher } from '../model/enricher.js';
import type { MonitorEvent } from '../model/events.js';
import { recordingLogger } from '../testing/recordingLogger.js';
import { eventOf } from '../format/__fixtures__/events.js';
import { enrichEvents } from './enrichEvents.js';

/** An enricher whose answers the test releases by hand, per event id. */
function manualEnricher() {
  const pending = new Map<string, { resolve: (c: EventContext | undefined) => void; reject: (e: unknown) => void; signal: AbortSignal }>();
  const enricher: Enricher = {
    enrich: (input, signal) =>
      new Promise((resolve, reject) => {
        pending.set(input.event.id, { resolve, reject, signal });
      }),
  };
  return { enricher, pending };
}

function input(service: string, id: string): EnrichInput {
  return { event: eventOf('TaskCrashed', { service, id }) };
}

/**
 * Virtual time for the budget (the operator's `scheduler` option), real turns of the event loop
 * for the enricher's promises: `advance(ms)` lets pending promises settle, runs the budget timers
 * due by then, then lets every promise settle again.
 */
let scheduler: VirtualTimeScheduler;
let now: number;
async function advance(ms: number): Promise<void> {
  await settle();
  now += ms;
  scheduler.maxFrames = now;
  scheduler.flush();
  scheduler.frame = now;
  await settle();
}

async function settle(): Promise<void> {
  for (let turn = 0; turn < 3; turn++) await new Promise((resolve) => setImmediate(resolve));
}

function run(enricher: Enricher, budgetMs = 1_000) {
  const logger = recordingLogger();
  const source = new Subject<EnrichInput>();
  const out: MonitorEvent[] = [];
  source.pipe(enrichEvents(enricher, { budgetMs, logger, scheduler })).subscribe((e) => out.push(e));
  return { source, out, logger };
}

describe('enrichEvents', () => {
  beforeEach(() => {
    scheduler = new VirtualTimeScheduler();
    now = 0;
  });

  it('adds the context the enricher found, without mutating the event', async () => {
    // Prepare
    const { enricher, pending } = manualEnricher();
    const { source, out } = run(enricher);
    const crash = input('api', 'a1');
    // Act
    source.next(crash);
    await advance(0);
    pending.get('a1')?.resolve({ stoppedCount: 2 });
    await advance(0);
    // Assess
    expect(out).toHaveLength(1);
    expect(out[0]).toMatchObject({ id: 'a1', context: { stoppedCount: 2 } });
    expect(crash.event).not.toHaveProperty('context');
  });

  it('lets the event go on without context when the enricher hangs past the budget, and aborts it', async () => {
    // Prepare
    const { enricher, pending } = manualEnricher();
    const { source, out, logger } = run(enricher, 1_000);
    // Act
    source.next(input('api', 'a1'));
    await advance(999);
    const beforeBudget = out.length;
    await advance(1);
    // Assess
    expect(beforeBudget).toBe(0);
    expect(out.map((e) => e.id)).toEqual(['a1']);
    expect(out[0]).not.toHaveProperty('context');
    expect(pending.get('a1')?.signal.aborted).toBe(true);
    expect(logger.entries.map((e) => e.msg)).toEqual(['enrichment ran out of time; the event goes on with what is known']);
  });

  it('keeps what an enricher answers when it is aborted', async () => {
    // Prepare: an enricher that resolves with a partial context as soon as it is aborted
    const enricher: Enricher = {
      enrich: (_input, signal) =>
        new Promise((resolve) => signal.addEventListener('abort', () => resolve({ stoppedCount: 1, incomplete: ['who deployed'] }))),
    };
    const { source, out } = run(enricher, 500);
    // Act
    source.next(input('api', 'a1'));
    await advance(500);
    // Assess
    expect(out[0]).toMatchObject({ context: { stoppedCount: 1, incomplete: ['who deployed'] } });
  });

  it('lets the event go on and logs when the enricher fails', async () => {
    // Prepare
    const enricher: Enricher = {
      enrich: () => {
        throw new Error('no credentials');
      },
    };
    const { source, out, logger } = run(enricher);
    // Act
    source.next(input('api', 'a1'));
    await advance(0);
    // Assess
    expect(out.map((e) => e.id)).toEqual(['a1']);
    expect(logger.entries[0]).toMatchObject({ level: 'warn', msg: 'enrichment failed; the event goes on without it' });
  });

  it('keeps the order of one service while another service goes ahead', async () => {
    // Prepare
    const { enricher, pending } = manualEnricher();
    const { source, out } = run(enricher, 10_000);
    // Act: api's first event is slow; web's event and api's second must not overtake wrongly
    source.next(input('api', 'api-1'));
    source.next(input('api', 'api-2'));
    source.next(input('web', 'web-1'));
    await advance(0);
    pending.get('web-1')?.resolve(undefined);
    await advance(0);
    const afterWeb = out.map((e) => e.id);
    const api2StartedEarly = pending.has('api-2');
    pending.get('api-1')?.resolve(undefined);
    await advance(0);
    pending.get('api-2')?.resolve(undefined);
    await advance(0);
    // Assess
    expect(afterWeb).toEqual(['web-1']);
    expect(api2StartedEarly).toBe(false);
    expect(out.map((e) => e.id)).toEqual(['web-1', 'api-1', 'api-2']);
  });

  it('passes cluster events through without adding context', async () => {
    // Prepare
    const enricher: Enricher = { enrich: () => Promise.resolve({ stoppedCount: 5 }) };
    const { source, out } = run(enricher);
    // Act
    source.next({ event: eventOf('MonitorStarted') });
    await advance(0);
    // Assess
    expect(out).toEqual([eventOf('MonitorStarted')]);
  });
});
