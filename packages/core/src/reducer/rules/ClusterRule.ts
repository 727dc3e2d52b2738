import type { MonitorConfig } from '../../model/config.js';
import type { MonitorEvent } from '../../model/events.js';
import type { SweepOutcome } from '../../model/snapshot.js';
import type { SweepContext } from '../serviceState.js';
import type { ServiceView } from '../serviceView.js';
import type { ClusterState } from '../state.js';

/** One sweep of one cluster, as every cluster rule sees it. */
export interface ClusterSweep {
  ctx: SweepContext;
  config: MonitorConfig;
  outcome: SweepOutcome;
  /** The sweep's services by name (first entry wins), in name order; empty for a failed sweep. */
  views: ReadonlyMap<string, ServiceView>;
}

/**
 * A cluster-level row of the DESIGN §4 table: the single place its event type is emitted.
 *
 * @example
 * const rule: ClusterRule = (state) => ({ state, events: [] });
 */
export type ClusterRule = (state: ClusterState, sweep: ClusterSweep) => { state: ClusterState; events: MonitorEvent[] };
