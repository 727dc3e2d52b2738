/**
 * The typed domain events the reducer emits (DESIGN §4). A discriminated union on `type`.
 *
 * Service events carry the original mona's `serviceState` fields under their original names
 * (`service`, `deploymentId`, `deploymentCreated`, `taskDef`, `runningCount`, `desiredCount`,
 * `deploymentRunningCount`), so formatters written for the original keep working.
 */
import type { EventContext } from './context.js';

export const EventType = {
  MonitorStarted: 'MonitorStarted',
  DeploymentStarted: 'DeploymentStarted',
  TasksFailing: 'TasksFailing',
  DeploymentFailed: 'DeploymentFailed',
  RollbackStarted: 'RollbackStarted',
  ScalingStarted: 'ScalingStarted',
  TaskCrashed: 'TaskCrashed',
  DeploymentCompleted: 'DeploymentCompleted',
  DeploymentTimedOut: 'DeploymentTimedOut',
  ServiceRemoved: 'ServiceRemoved',
  MonitorDegraded: 'MonitorDegraded',
  MonitorRecovered: 'MonitorRecovered',
} as const;
export type EventType = (typeof EventType)[keyof typeof EventType];

/** Formatter key of each event type: the original's keys, plus the new ones. */
export const FormatterKeyOf = {
  MonitorStarted: 'monitorDeploy',
  DeploymentStarted: 'deploy',
  TasksFailing: 'tasksFailing',
  DeploymentFailed: 'deployFailed',
  RollbackStarted: 'rollback',
  ScalingStarted: 'scale',
  TaskCrashed: 'recover',
  DeploymentCompleted: 'deployDone',
  DeploymentTimedOut: 'deployTimeout',
  ServiceRemoved: 'serviceRemoved',
  MonitorDegraded: 'monitorDegraded',
  MonitorRecovered: 'monitorRecovered',
} as const satisfies Record<EventType, string>;
export type FormatterKey = (typeof FormatterKeyOf)[EventType];
export const FORMATTER_KEYS = Object.values(FormatterKeyOf) as FormatterKey[];

/** Fields every event has. */
interface EventBase {
  /** Stable dedup key, e.g. `prod/api/ecs-svc-123/DeploymentStarted`. Same input, same id. */
  id: string;
  cluster: string;
  region: string;
  /** The cluster's account label (alias, else 12-digit id) when the process watches several accounts. */
  account?: string;
  /** The account's 12-digit id, when known. */
  accountId?: string;
  /** `observedAt` of the snapshot that produced the event (epoch ms). */
  observedAt: number;
}

/** The original's `serviceState`, plus Mona's additions. */
export interface ServiceState {
  service: string;
  deploymentId: string;
  /** ISO-8601 creation time of the tracked deployment. */
  deploymentCreated: string;
  /** ISO-8601 time of the tracked deployment's latest update (what the original's timeout measured from). */
  deploymentUpdated: string;
  taskDef: string;
  runningCount: number;
  desiredCount: number;
  /** runningCount of the tracked (PRIMARY) deployment. */
  deploymentRunningCount: number;
  pendingCount: number;
  failedTasks: number;
  /** The original's `success`: the tracked deployment's runningCount equals desiredCount. */
  success: boolean;
  previousTaskDef?: string;
  reason?: string;
  durationSeconds?: number;
  /** AWS console link to the service. */
  consoleUrl: string;
  /** Added by the asynchronous enrichment step; absent when it did not run or ran out of time. */
  context?: EventContext;
}

interface ServiceEventBase extends EventBase, ServiceState {}

export interface MonitorStarted extends EventBase {
  type: 'MonitorStarted';
  serviceNames: string[];
}
export interface DeploymentStarted extends ServiceEventBase {
  type: 'DeploymentStarted';
}
export interface TasksFailing extends ServiceEventBase {
  type: 'TasksFailing';
}
export interface DeploymentFailed extends ServiceEventBase {
  type: 'DeploymentFailed';
}
export interface RollbackStarted extends ServiceEventBase {
  type: 'RollbackStarted';
  /** The deployment that failed and is being rolled back. */
  failedDeploymentId?: string;
}
export interface ScalingStarted extends ServiceEventBase {
  type: 'ScalingStarted';
  previousDesiredCount: number;
}
export interface TaskCrashed extends ServiceEventBase {
  type: 'TaskCrashed';
}
export const CompletionKind = { deploy: 'deploy', scale: 'scale', recover: 'recover', rollback: 'rollback' } as const;
export type CompletionKind = (typeof CompletionKind)[keyof typeof CompletionKind];
export interface DeploymentCompleted extends ServiceEventBase {
  type: 'DeploymentCompleted';
  kind: CompletionKind;
}
export interface DeploymentTimedOut extends ServiceEventBase {
  type: 'DeploymentTimedOut';
  secondsUntilAlert: number;
}
export interface ServiceRemoved extends EventBase {
  type: 'ServiceRemoved';
  service: string;
  /** `DRAINING`, `INACTIVE`, `MISSING` or `UNLISTED`. */
  reason: string;
  consoleUrl: string;
}
export interface MonitorDegraded extends EventBase {
  type: 'MonitorDegraded';
  failures: number;
  reason: string;
}
export interface MonitorRecovered extends EventBase {
  type: 'MonitorRecovered';
  /** Seconds from the last good sweep before the outage to the first good sweep of the run that ended it. */
  durationSeconds: number;
  /** Failed sweeps during the outage, the ones between good sweeps included (always set by the reducer). */
  failedSweeps?: number;
  /** Times the cluster answered again during the outage and then failed once more (it flapped). */
  relapses?: number;
}

export type ServiceEvent =
  | DeploymentStarted
  | TasksFailing
  | DeploymentFailed
  | RollbackStarted
  | ScalingStarted
  | TaskCrashed
  | DeploymentCompleted
  | DeploymentTimedOut;

export type MonitorEvent = MonitorStarted | ServiceEvent | ServiceRemoved | MonitorDegraded | MonitorRecovered;

/** Narrow a union member by its tag: `EventOf<'ScalingStarted'>`. */
export type EventOf<T extends EventType> = Extract<MonitorEvent, { type: T }>;
