/**
 * Context added to events by the enrichment step (issue: diagnostics). Everything here came
 * from applications, registries or ECS, so senders must escape it for their channel.
 */

/** One container of a stopped task. */
export interface StoppedContainer {
  name: string;
  exitCode?: number;
  reason?: string;
}

/** A task that stopped while the phase was in progress. */
export interface StoppedTask {
  taskArn: string;
  taskDefinition?: string;
  stopCode?: string;
  stoppedReason?: string;
  stoppedAt?: number;
  containers: StoppedContainer[];
}

/** What changed in one container between the previous and the new task definition. */
export interface ContainerChange {
  name: string;
  previousImage?: string;
  image?: string;
  previousCpu?: number;
  cpu?: number;
  previousMemory?: number;
  memory?: number;
}

export interface EventContext {
  /** Tasks stopped since the phase began (newest first, capped). */
  stoppedTasks?: StoppedTask[];
  /** How many tasks stopped in all (may exceed `stoppedTasks.length`). */
  stoppedCount?: number;
  /** Service event messages since the last sweep that explain trouble. */
  serviceEvents?: string[];
  /** Per-container image/CPU/memory changes. */
  changes?: ContainerChange[];
  /** IAM principal that started the deployment (CloudTrail, opt-in). */
  deployedBy?: string;
  /** Lookups that failed or ran out of time, for the log and for honesty in messages. */
  incomplete?: string[];
}
