/**
 * @mona-ecs/core/pipeline: the stages of `monitorPipeline` one by one, and the pure reducer, for
 * a chain of your own (`mona wait` observes the reducer; `mona replay` feeds a recording).
 */

// Stages, in pipeline order
export { ticks } from '../pipeline/ticks.js';
export { sweepTicks } from '../pipeline/sweepTicks.js';
export type { Sweep, SweepFn, SweepTicksOptions } from '../pipeline/sweepTicks.js';
export { pollClusters } from '../pipeline/pollClusters.js';
export type { PollSettings } from '../pipeline/pollClusters.js';
export { reduceSweeps } from '../pipeline/reduceSweeps.js';
export type { ReducedSweep } from '../pipeline/reduceSweeps.js';
export { logState } from '../pipeline/logState.js';
export type { StateSummarizer } from '../pipeline/logState.js';
export { toEnrichInputs } from '../pipeline/toEnrichInputs.js';
export { formatEvents } from '../pipeline/formatEvents.js';
export { routeNotifications } from '../pipeline/routeNotifications.js';
export { deliverTo } from '../pipeline/deliverTo.js';
export { DEFAULT_CHECK_INTERVAL_SECONDS, DEFAULT_LOG_INTERVAL } from '../pipeline/MonitorOptions.js';
export type { Reducer } from '../pipeline/MonitorOptions.js';

// The reducer
export { reduce } from '../reducer/reduce.js';
export type { ReduceResult } from '../reducer/reduce.js';
export { summarizeState } from '../reducer/summarizeState.js';
export type { ServiceSummary } from '../reducer/summarizeState.js';
export { initialState } from '../reducer/state.js';
export type { ClusterState, Phase, ServiceTrack } from '../reducer/state.js';
export { DEFAULT_MONITOR_CONFIG, consoleUrl } from '../model/config.js';
export type { MonitorConfig } from '../model/config.js';
