import { DEFAULT_MONITOR_CONFIG } from '../../model/config.js';
import type { MonitorConfig } from '../../model/config.js';
import type { MonitorEvent } from '../../model/events.js';
import type { SweepOutcome } from '../../model/snapshot.js';
import { reduce } from '../reduce.js';
import type { ClusterState } from '../state.js';

/** Folds `sweeps` through the reducer; returns the events of each sweep and the final state. */
export function replay(
  sweeps: readonly SweepOutcome[],
  config: MonitorConfig = DEFAULT_MONITOR_CONFIG,
  initial?: ClusterState,
): { perSweep: MonitorEvent[][]; state: ClusterState | undefined } {
  let state = initial;
  const perSweep: MonitorEvent[][] = [];
  for (const outcome of sweeps) {
    const result = reduce(state, outcome, config);
    state = result.state;
    perSweep.push(result.events);
  }
  return { perSweep, state };
}

/** Each sweep's events as `type` (or `type:kind` for completions), for compact expectations. */
export function typesPerSweep(sweeps: readonly SweepOutcome[], config?: MonitorConfig): string[][] {
  return replay(sweeps, config).perSweep.map((events) => events.map(label));
}

export function label(event: MonitorEvent): string {
  return event.type === 'DeploymentCompleted' ? `${event.type}:${event.kind}` : event.type;
}
