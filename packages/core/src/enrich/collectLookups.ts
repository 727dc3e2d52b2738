import type { EventContext } from '../model/context.js';
import type { Logger } from '../model/logger.js';

/** One independent lookup of the enricher, named for `context.incomplete` and the log. */
export interface Lookup {
  name: string;
  run(): Promise<Partial<EventContext>>;
}

/**
 * Run lookups in parallel and merge what each finds into `known`. A failed lookup is logged and
 * named in `incomplete`; when `signal` aborts, the promise resolves at once with what is known,
 * the unfinished lookups named in `incomplete`, so a time budget keeps every finished answer.
 *
 * @example
 * await collectLookups({}, [{ name: 'stopped tasks', run: () => lookupStoppedTasks(...) }], signal, logger);
 */
export function collectLookups(
  known: EventContext,
  lookups: readonly Lookup[],
  signal: AbortSignal,
  logger: Logger | undefined,
): Promise<EventContext | undefined> {
  const context: EventContext = { ...known };
  const pending = new Set(lookups.map((l) => l.name));
  const incomplete: string[] = [];
  const result = (): EventContext | undefined => {
    const all = [...incomplete, ...pending];
    const out: EventContext = all.length > 0 ? { ...context, incomplete: all } : { ...context };
    return Object.keys(out).length > 0 ? out : undefined;
  };
  return new Promise((resolve) => {
    if (pending.size === 0 || signal.aborted) return resolve(result());
    const onAbort = () => resolve(result());
    signal.addEventListener('abort', onAbort, { once: true });
    for (const lookup of lookups) {
      lookup
        .run()
        .then(
          (patch) => {
            Object.assign(context, patch);
            pending.delete(lookup.name);
          },
          (error: unknown) => {
            pending.delete(lookup.name);
            if (signal.aborted) return;
            incomplete.push(lookup.name);
            logger?.warn({ err: error, lookup: lookup.name }, 'enrichment lookup failed');
          },
        )
        .finally(() => {
          if (pending.size > 0 || signal.aborted) return;
          signal.removeEventListener('abort', onAbort);
          resolve(result());
        });
    }
  });
}
