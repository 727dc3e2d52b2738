/**
 * The simulator's own state. Times are epoch milliseconds; they are turned into the epoch
 * seconds ECS sends only when a response is rendered. Objects are kept small on purpose: the
 * benchmark holds 5,000 services, each answering with 100 service events.
 */

/** A registered task definition revision (one essential container). */
export interface SimTaskDefinition {
  arn: string;
  family: string;
  revision: number;
  image: string;
  cpu: number;
  memory: number;
  registeredAt: number;
}

/** How a task stopped: ECS's stopCode and stoppedReason, and the essential container's exit. */
export interface StopSpec {
  stopCode: string;
  stoppedReason: string;
  exitCode?: number;
  reason?: string;
}

/** How a deployment behaves as time advances. */
export type RolloutMode = 'normal' | 'stall' | 'fail';

/** A deployment of a service, as DescribeServices shows it. */
export interface SimDeployment {
  id: string;
  status: 'PRIMARY' | 'ACTIVE' | 'INACTIVE';
  taskDefinition: SimTaskDefinition;
  /** The task definition this deployment replaced; the circuit breaker rolls back to it. */
  previous: SimTaskDefinition | undefined;
  desiredCount: number;
  failedTasks: number;
  createdAt: number;
  updatedAt: number;
  rolloutState: 'IN_PROGRESS' | 'COMPLETED' | 'FAILED';
  rolloutStateReason: string;
  mode: RolloutMode;
  /** With mode `fail`: roll back to `previous` when the circuit breaker trips. */
  rollback: boolean;
  /** With mode `fail`: how each of its tasks stops. */
  failure: StopSpec | undefined;
}

/** A container of a task; `exitCode` and `reason` are set once the task stopped. */
export interface SimContainer {
  name: string;
  image: string;
  exitCode?: number;
  reason?: string;
}

/** A task of a service. PENDING → RUNNING → STOPPED. */
export interface SimTask {
  id: string;
  arn: string;
  cluster: string;
  service: string;
  deploymentId: string;
  taskDefinition: SimTaskDefinition;
  lastStatus: 'PENDING' | 'RUNNING' | 'STOPPED';
  createdAt: number;
  startedAt?: number;
  stoppingAt?: number;
  stoppedAt?: number;
  stopCode?: string;
  stoppedReason?: string;
  container: SimContainer;
}

/** A service event; ECS keeps the 100 newest. */
export interface SimEvent {
  id: string;
  createdAt: number;
  message: string;
}

/** A service. `runningCount`/`pendingCount` are derived from its tasks when rendered. */
export interface SimService {
  name: string;
  arn: string;
  cluster: string;
  status: 'ACTIVE' | 'DRAINING' | 'INACTIVE';
  desiredCount: number;
  createdAt: number;
  launchType: string;
  schedulingStrategy: string;
  deploymentController: string;
  deployments: SimDeployment[];
  /** Oldest first (cheap append); rendered newest first. */
  events: SimEvent[];
  /** Older steady-state events synthesised on render, so large fleets cost no memory for them. */
  history: number;
  /** When the synthetic history ends (its newest event). */
  historyEnd: number;
  tasks: SimTask[];
  /** No replacement tasks are launched before this time (epoch ms); set by a crash. */
  holdUntil?: number;
  /** Stopped tasks, oldest first, capped. */
  stopped: SimTask[];
}

/** One cluster: services by name (insertion order is listing order). */
export interface SimCluster {
  name: string;
  arn: string;
  services: Map<string, SimService>;
}
