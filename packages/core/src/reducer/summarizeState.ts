import type { ClusterState, Phase } from './state.js';

/** One line of the periodic state log, or of the CLI's progress display. */
export interface ServiceSummary {
  service: string;
  phase: Phase;
  runningCount: number;
  desiredCount: number;
  /** Tracked PRIMARY deployment; `''` for services without deployments. */
  deploymentId: string;
  taskDef: string;
}

/**
 * Per-service summary of a cluster's reducer state, ordered by service name.
 *
 * @example
 * logger.info({ cluster: state.cluster, services: summarizeState(state) }, 'state');
 * // services: [{ service: 'api', phase: 'deploying', runningCount: 3, desiredCount: 4, deploymentId: 'ecs-svc/…', taskDef: 'arn:…:task-definition/api:42' }]
 */
export function summarizeState(state: ClusterState): ServiceSummary[] {
  return Object.entries(state.services)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([service, track]) => ({
      service,
      phase: track.phase,
      runningCount: track.runningCount,
      desiredCount: track.desiredCount,
      deploymentId: track.deploymentId,
      taskDef: track.taskDef,
    }));
}
