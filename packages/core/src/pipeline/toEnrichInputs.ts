import { mergeMap, mergeWith } from 'rxjs';
import type { Observable, OperatorFunction } from 'rxjs';
import type { EnrichInput } from '../model/enricher.js';
import type { ServiceSnapshot } from '../model/snapshot.js';
import type { ReducedSweep } from './reduceSweeps.js';

/**
 * Between stages 3 and 4: flattens a reduced sweep into its events, in the reducer's order, each paired with the
 * snapshot of its service from the same sweep (what the enrichment step looks things up with).
 * Cluster-level events and removed services have no snapshot. `extra$` joins inputs that no
 * sweep produced (the ECS events queue's MonitorDegraded / MonitorRecovered).
 *
 * @example
 * reduced$.pipe(toEnrichInputs(), map((input) => input.event));
 */
export function toEnrichInputs(extra$?: Observable<EnrichInput>): OperatorFunction<ReducedSweep, EnrichInput> {
  const fromSweeps = mergeMap(({ outcome, events }: ReducedSweep) => {
    if (events.length === 0) return [];
    const byName = new Map<string, ServiceSnapshot>();
    if (outcome.kind === 'snapshot') for (const service of outcome.services) byName.set(service.name, service);
    return events.map((event): EnrichInput => {
      const service = 'service' in event ? byName.get(event.service) : undefined;
      return service ? { event, service } : { event };
    });
  });
  return extra$ ? (reduced) => reduced.pipe(fromSweeps, mergeWith(extra$)) : fromSweeps;
}
