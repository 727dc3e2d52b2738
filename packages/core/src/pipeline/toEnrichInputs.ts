import { mergeMap } from 'rxjs';
import type { OperatorFunction } from 'rxjs';
import type { EnrichInput } from '../model/enricher.js';
import type { ServiceSnapshot } from '../model/snapshot.js';
import type { ReducedSweep } from './reduceSweeps.js';

/**
 * Between stages 3 and 4: flattens a reduced sweep into its events, in the reducer's order, each paired with the
 * snapshot of its service from the same sweep (what the enrichment step looks things up with).
 * Cluster-level events and removed services have no snapshot.
 *
 * @example
 * reduced$.pipe(toEnrichInputs(), map((input) => input.event));
 */
export function toEnrichInputs(): OperatorFunction<ReducedSweep, EnrichInput> {
  return mergeMap(({ outcome, events }) => {
    if (events.length === 0) return [];
    const byName = new Map<string, ServiceSnapshot>();
    if (outcome.kind === 'snapshot') for (const service of outcome.services) byName.set(service.name, service);
    return events.map((event): EnrichInput => {
      const service = 'service' in event ? byName.get(event.service) : undefined;
      return service ? { event, service } : { event };
    });
  });
}
