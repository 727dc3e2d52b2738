import { isGone } from '@mona-ecs/core/ecs';
import type { MonitorEvent } from '@mona-ecs/core';
import type { DeploymentSnapshot, ServiceSnapshot, SweepOutcome } from '@mona-ecs/core/ecs';
import type { ClusterState, ReduceResult, ServiceTrack } from '@mona-ecs/core/pipeline';
import { shortTaskDef } from '@mona-ecs/core/format';
import type { ServiceWait, WaitProgress, WaitTargets } from './WaitProgress.js';

/**
 * ECS or SDK errors that waiting cannot cure (no or bad credentials, no permission): a CI gate
 * should say so at once and exit 1, not wait out its timeout. Throttling, network and 5xx errors
 * are not here: those may pass, so the wait goes on.
 */
const PERMANENT_ERRORS = new Set([
  'AccessDeniedException',
  'AccessDenied',
  'UnrecognizedClientException',
  'InvalidClientTokenId',
  'InvalidSignatureException',
  'ExpiredTokenException',
  'CredentialsProviderError',
  'ClientException',
]);

/**
 * Folds one sweep, and what the reducer made of it, into the wait. Pure: the same sweeps give
 * the same progress. The reducer decides what happened to a deployment (completed, failed,
 * rolled back); this only picks which deployment each service must finish and reads the
 * reducer's events and phases for it.
 *
 * @example
 * const reducer: Reducer = (state, outcome, config) => {
 *   const result = reduce(state, outcome, config);
 *   progress = observeSweep(progress, outcome, result);
 *   return result;
 * };
 */
export function observeSweep(progress: WaitProgress, outcome: SweepOutcome, result: ReduceResult): WaitProgress {
  const next: WaitProgress = { ...progress, notes: [...progress.notes], services: progress.services.map((s) => ({ ...s })) };
  next.firstObservedAt ??= outcome.observedAt;
  next.lastObservedAt = outcome.observedAt;
  if (outcome.kind === 'failure') {
    next.sweepError = outcome.error.message;
    const code = outcome.error.code ?? outcome.error.name;
    if (code === 'ClusterNotFoundException' || outcome.error.name === 'ClusterNotFoundException') {
      for (const wait of next.services) end(wait, 'missing', `cluster ${progress.cluster} not found in ${progress.region}`);
    } else if (PERMANENT_ERRORS.has(code) || PERMANENT_ERRORS.has(outcome.error.name)) {
      for (const wait of next.services) end(wait, 'error', `cannot read ECS: ${outcome.error.name}: ${outcome.error.message}`);
    }
    return next;
  }
  delete next.sweepError;
  const missing = new Set(outcome.missing);
  for (const wait of next.services) {
    if (wait.status !== 'waiting') continue;
    const snapshot = outcome.services.find((s) => s.name === wait.service);
    if (!snapshot || isGone(snapshot.status)) {
      // Neither listed nor missing: its batch failed this sweep, so it is unknown, not gone.
      if (snapshot || missing.has(wait.service)) gone(wait, snapshot?.status ?? 'MISSING', progress.cluster);
      continue;
    }
    const track = ownTrack(result.state, wait.service);
    if (wait.deploymentId === undefined) resolveTarget(wait, snapshot, track, next.targets);
    else follow(wait, result.events, next.notes);
    readCounts(wait, snapshot, track, wait.unseenTarget !== undefined);
  }
  return next;
}

function gone(wait: ServiceWait, status: string, cluster: string): void {
  // Never seen before: the name is wrong (a usage error); seen before: it was deleted meanwhile.
  if (wait.phase === undefined) end(wait, 'missing', `service ${wait.service} not found in cluster ${cluster} (${status})`);
  else end(wait, 'removed', `service ${wait.service} was deleted (${status})`);
}

/** Picks the deployment to finish: the named one, or the PRIMARY. Until a named one appears, keep looking. */
function resolveTarget(wait: ServiceWait, snapshot: ServiceSnapshot, track: ServiceTrack | undefined, targets: WaitTargets): void {
  const named = targets.deployments.length + targets.taskDefinitions.length > 0;
  const primary = snapshot.deployments.find((d) => d.status === 'PRIMARY');
  const target = named ? snapshot.deployments.find((d) => matchesTarget(d, targets)) : primary;
  if (!target) {
    if (named) notSeen(wait, targets, primary);
    // CODE_DEPLOY/EXTERNAL services have no deployments: wait for the service itself to settle.
    else if (!primary && track?.phase === 'steady') end(wait, 'completed');
    return;
  }
  if (wait.unseenTarget !== undefined) {
    delete wait.unseenTarget;
    delete wait.reason;
  }
  wait.deploymentId = target.id;
  wait.taskDef = target.taskDefinition;
  if (target.rolloutState === 'FAILED') {
    const rolledBack = primary !== undefined && primary.id !== target.id && track?.phase === 'rollingBack';
    end(wait, rolledBack ? 'rolledBack' : 'failed', target.rolloutStateReason ?? 'the rollout failed');
  } else if (primary && primary.id !== target.id) {
    end(wait, 'superseded', `deployment ${target.id} was replaced by ${primary.id} (${primary.taskDefinition})`);
  } else if (!named && track?.phase === 'rollingBack') {
    // Started after the circuit breaker fired: the deployment the pipeline made has already failed.
    const failed = snapshot.deployments.find((d) => d.rolloutState === 'FAILED');
    if (failed) {
      wait.deploymentId = failed.id;
      wait.taskDef = failed.taskDefinition;
    }
    end(wait, 'rolledBack', failed?.rolloutStateReason ?? target.rolloutStateReason ?? 'ECS is rolling back');
  } else if (track?.phase === 'steady') {
    end(wait, 'completed');
  }
}

/**
 * The named deployment is not (yet) among the service's: the pipeline may not have updated the
 * service yet, or registered another revision. Until it appears, the wait reports that, never
 * the PRIMARY's state or task definition as if they were the requested one's.
 */
function notSeen(wait: ServiceWait, targets: WaitTargets, primary: DeploymentSnapshot | undefined): void {
  const named = [...targets.taskDefinitions.map((td) => `task definition ${td}`), ...targets.deployments.map((id) => `deployment ${id}`)];
  wait.unseenTarget = named.join(' or ');
  delete wait.taskDef;
  const runs = primary ? `; the service runs ${shortTaskDef(primary.taskDefinition)} (deployment ${primary.id})` : '';
  wait.reason = `the requested ${wait.unseenTarget} was not seen${runs}`;
}

/** The reducer's events about the followed deployment decide how it ends. */
function follow(wait: ServiceWait, events: readonly MonitorEvent[], notes: string[]): void {
  for (const event of events) {
    if (!('service' in event) || event.service !== wait.service || event.type === 'ServiceRemoved') continue;
    const ours = event.deploymentId === wait.deploymentId;
    if (event.type === 'DeploymentCompleted' && ours) {
      end(wait, 'completed', undefined, event);
      if (event.durationSeconds !== undefined) wait.durationSeconds = event.durationSeconds;
    } else if (event.type === 'DeploymentFailed' && ours) {
      end(wait, 'failed', event.reason ?? 'the rollout failed', event);
    } else if (event.type === 'RollbackStarted' && event.failedDeploymentId === wait.deploymentId) {
      end(wait, 'rolledBack', wait.reason ?? event.reason ?? 'the circuit breaker rolled it back', event);
    } else if (event.type === 'DeploymentStarted' && !ours && wait.status === 'waiting') {
      end(wait, 'superseded', `deployment ${wait.deploymentId ?? ''} was replaced by ${event.deploymentId} (${event.taskDef})`);
    } else if (event.type === 'TasksFailing' && ours) {
      notes.push(`${wait.service}: ${event.failedTasks} task(s) failed to start; ECS keeps trying until the circuit breaker decides`);
    } else if (event.type === 'DeploymentTimedOut' && ours) {
      notes.push(`${wait.service}: no progress for more than ${event.secondsUntilAlert}s`);
    }
  }
}

/** A failure may be followed by its rollback in the same sweep: it ends the wait once, keeping both events. */
function end(wait: ServiceWait, status: ServiceWait['status'], reason?: string, event?: MonitorEvent): void {
  const upgrade = wait.status === 'failed' && status === 'rolledBack';
  if (wait.status !== 'waiting' && !upgrade) return;
  wait.status = status;
  if (reason !== undefined) wait.reason = reason;
  if (event) wait.events = [...wait.events, event];
}

/**
 * Counts of the followed deployment (the PRIMARY before one is chosen), else of the service;
 * the service's own while a named deployment is unseen, whose counts are not the PRIMARY's.
 */
function readCounts(wait: ServiceWait, snapshot: ServiceSnapshot, track: ServiceTrack | undefined, unseen: boolean): void {
  const deployment =
    snapshot.deployments.find((d) => d.id === wait.deploymentId) ??
    (unseen ? undefined : snapshot.deployments.find((d) => d.status === 'PRIMARY'));
  const counts = deployment ?? snapshot;
  wait.runningCount = counts.runningCount;
  wait.desiredCount = counts.desiredCount;
  wait.pendingCount = counts.pendingCount;
  wait.failedTasks = deployment?.failedTasks ?? 0;
  wait.phase = track?.phase ?? 'steady';
  wait.serviceRunningCount = snapshot.runningCount;
  if (deployment && deployment.id === wait.deploymentId) wait.deployment = deployment;
  if (deployment && wait.taskDef === undefined) wait.taskDef = deployment.taskDefinition;
}

/**
 * A deployment named by `--deployment` (its id) or `--task-definition` (ARN, `family:revision`).
 *
 * @example
 * matchesTarget(deployment, { deployments: [], taskDefinitions: ['api:42'] }); // true for …:task-definition/api:42
 */
export function matchesTarget(deployment: DeploymentSnapshot, targets: WaitTargets): boolean {
  if (targets.deployments.includes(deployment.id)) return true;
  const arn = deployment.taskDefinition;
  return targets.taskDefinitions.some((td) => td !== '' && (arn === td || arn.endsWith(`/${td}`)));
}

function ownTrack(state: ClusterState, service: string): ServiceTrack | undefined {
  return Object.hasOwn(state.services, service) ? state.services[service] : undefined;
}
