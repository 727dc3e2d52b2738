import { consoleUrl } from '../model/config.js';
import type { ServiceState } from '../model/events.js';
import type { DeploymentSnapshot } from '../model/snapshot.js';
import type { ServiceView } from './serviceView.js';

/** Where an event happens: the sweep's cluster, region and time. */
export interface SweepContext {
  cluster: string;
  region: string;
  observedAt: number;
}

/** Extra fields a service event may carry; absent ones are left out (exactOptionalPropertyTypes). */
export interface ServiceStateExtras {
  previousTaskDef?: string | undefined;
  reason?: string | undefined;
  durationSeconds?: number | undefined;
}

/** Largest time a JavaScript Date can hold; beyond it `toISOString` throws. */
const MAX_DATE_MS = 8.64e15;

/** ISO-8601 text of an epoch-ms time, or `''` when the time is unusable. */
export function isoTime(ms: number): string {
  return Number.isFinite(ms) && Math.abs(ms) <= MAX_DATE_MS ? new Date(ms).toISOString() : '';
}

/**
 * The original mona's `serviceState` fields (plus Mona's) for one service and the deployment
 * the event is about. Without a deployment (CODE_DEPLOY/EXTERNAL) the service-level counts
 * stand in for it.
 *
 * @example
 * const state = serviceState(ctx, view, view.primary, { reason: 'scaled by autoscaling' });
 */
export function serviceState(
  ctx: SweepContext,
  view: ServiceView,
  deployment: DeploymentSnapshot | undefined,
  extras: ServiceStateExtras = {},
): ServiceState {
  const state: ServiceState = {
    service: view.name,
    deploymentId: deployment?.id ?? '',
    deploymentCreated: deployment ? isoTime(deployment.createdAt) : '',
    deploymentUpdated: deployment ? isoTime(deployment.updatedAt) : '',
    taskDef: deployment?.taskDefinition ?? '',
    runningCount: view.runningCount,
    desiredCount: view.desiredCount,
    deploymentRunningCount: deployment?.runningCount ?? view.runningCount,
    pendingCount: view.pendingCount,
    failedTasks: deployment?.failedTasks ?? 0,
    success: deployment ? deployment.runningCount === deployment.desiredCount : view.runningCount === view.desiredCount,
    consoleUrl: consoleUrl(ctx.region, ctx.cluster, view.name),
  };
  if (extras.previousTaskDef !== undefined && extras.previousTaskDef !== '') state.previousTaskDef = extras.previousTaskDef;
  if (extras.reason !== undefined && extras.reason !== '') state.reason = extras.reason;
  if (extras.durationSeconds !== undefined) state.durationSeconds = extras.durationSeconds;
  return state;
}

/**
 * The stable dedup key of a service event: `cluster/service/deploymentId/type`, plus a suffix
 * for events that may happen more than once per deployment (scaling, crashes, their ends).
 * Services without deployments use `-` as the deployment id.
 *
 * @example
 * eventId(ctx, 'api', 'ecs-svc/123', 'DeploymentStarted'); // 'prod/api/ecs-svc/123/DeploymentStarted'
 */
export function eventId(ctx: SweepContext, service: string, deploymentId: string, type: string, suffix = ''): string {
  return `${ctx.cluster}/${service}/${deploymentId === '' ? '-' : deploymentId}/${type}${suffix}`;
}

/** Whole seconds between two epoch-ms times, never negative. */
export function secondsBetween(from: number, to: number): number {
  return Math.max(0, Math.round((to - from) / 1000));
}
