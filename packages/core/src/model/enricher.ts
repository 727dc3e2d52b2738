import type { EventContext } from './context.js';
import type { MonitorEvent } from './events.js';
import type { ServiceSnapshot } from './snapshot.js';

/** An event as it leaves the reducer, with the snapshot of its service from the same sweep. */
export interface EnrichInput {
  event: MonitorEvent;
  /** Absent for cluster-level events (MonitorStarted, MonitorDegraded, …) and removed services. */
  service?: ServiceSnapshot;
}

/**
 * Adds context that needs more API calls (stopped tasks, task definition changes, who deployed).
 * Must honour `signal`: the enrichment step aborts it when the event's time budget runs out.
 */
export interface Enricher {
  enrich(input: EnrichInput, signal: AbortSignal): Promise<EventContext | undefined>;
}
