import { clusterKey } from '../model/clusterKey.js';
import { Observable, asyncScheduler, concatMap, groupBy, mergeMap } from 'rxjs';
import type { OperatorFunction, SchedulerLike } from 'rxjs';
import { MonaError } from '../errors.js';
import type { EventContext } from '../model/context.js';
import type { EnrichInput, Enricher } from '../model/enricher.js';
import type { MonitorEvent } from '../model/events.js';
import type { Logger } from '../model/logger.js';

export interface EnrichEventsOptions {
  /** Time one event may spend in enrichment, in ms. Default 5000. */
  budgetMs?: number;
  logger?: Logger;
  /** Schedules the budget timer; inject a virtual-time scheduler in tests. Default `asyncScheduler`. */
  scheduler?: SchedulerLike;
}

export const DEFAULT_ENRICH_BUDGET_MS = 5_000;

/**
 * Microtask turns an enricher gets, after its signal is aborted, to answer with what it already
 * knows (the ECS enricher resolves at once with its partial context). Turns, not time: waiting
 * here must never push the notification past the budget.
 */
const ABORT_GRACE_TURNS = 8;

/**
 * The enrichment step between the reducer and the formatter. Each event gets `budgetMs`: when
 * the enricher fails or runs out of time, the event goes on with what the enricher knew by then
 * (or without context) and the failure is logged; no event is ever dropped. Events of one
 * service keep their order; different services are enriched in parallel, so a slow lookup for
 * one service never delays another.
 *
 * @example
 * monitorClusters({ ..., enrich: enrichEvents(createEcsEnricher({ clientFor }), { logger }) });
 */
export function enrichEvents(enricher: Enricher, options: EnrichEventsOptions = {}): OperatorFunction<EnrichInput, MonitorEvent> {
  const budgetMs = options.budgetMs ?? DEFAULT_ENRICH_BUDGET_MS;
  const scheduler = options.scheduler ?? asyncScheduler;
  // Groups live as long as the stream: one per service ever seen, which is bounded by the
  // clusters' size. Completing idle groups could let a new group overtake an old one's work.
  return (source) =>
    source.pipe(
      groupBy(orderKey),
      mergeMap((group) => group.pipe(concatMap((input) => enrichOne(input, enricher, budgetMs, scheduler, options.logger)))),
    );
}

/** Events sharing this key are enriched one after the other, in arrival order. */
function orderKey({ event }: EnrichInput): string {
  return `${clusterKey(event)}|${'service' in event ? event.service : ''}`;
}

function enrichOne(
  input: EnrichInput,
  enricher: Enricher,
  budgetMs: number,
  scheduler: SchedulerLike,
  logger: Logger | undefined,
): Observable<MonitorEvent> {
  return new Observable<MonitorEvent>((subscriber) => {
    const controller = new AbortController();
    let done = false;
    const finish = (context: EventContext | undefined, failure?: unknown): void => {
      if (done) return;
      done = true;
      timer.unsubscribe();
      if (failure !== undefined) logFailure(logger, input.event, failure, budgetMs);
      subscriber.next(withContext(input.event, context));
      subscriber.complete();
    };
    const attempt = Promise.resolve().then(() => enricher.enrich(input, controller.signal));
    attempt.then(
      (context) => finish(context),
      (error: unknown) => finish(undefined, error),
    );
    const timer = scheduler.schedule(() => {
      const timedOut = new MonaError('MONA_ENRICH_TIMEOUT', `enrichment took longer than ${budgetMs} ms`);
      controller.abort(timedOut);
      void Promise.race([attempt.catch(() => undefined), afterTurns(ABORT_GRACE_TURNS)]).then((partial) => finish(partial, timedOut));
    }, budgetMs);
    return () => {
      done = true;
      timer.unsubscribe();
      controller.abort();
    };
  });
}

function afterTurns(turns: number): Promise<undefined> {
  let p: Promise<undefined> = Promise.resolve(undefined);
  for (let i = 0; i < turns; i++) p = p.then(() => undefined);
  return p;
}

/** A new event with the context merged in; the input event is never mutated. */
function withContext(event: MonitorEvent, context: EventContext | undefined): MonitorEvent {
  if (!context || Object.keys(context).length === 0 || !('taskDef' in event)) return event;
  return { ...event, context: { ...event.context, ...context } };
}

function logFailure(logger: Logger | undefined, event: MonitorEvent, failure: unknown, budgetMs: number): void {
  const timedOut = failure instanceof MonaError && failure.code === 'MONA_ENRICH_TIMEOUT';
  logger?.warn(
    { err: failure, eventId: event.id, eventType: event.type, cluster: event.cluster, budgetMs },
    timedOut ? 'enrichment ran out of time; the event goes on with what is known' : 'enrichment failed; the event goes on without it',
  );
}
