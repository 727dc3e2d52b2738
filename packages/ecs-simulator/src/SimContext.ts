import type { Arns, Ids } from './ids.js';
import type { SimTask } from './model.js';

/**
 * What the model functions need from the simulator: the clock, id and ARN builders, the rollout
 * pace and a task index (DescribeTasks looks tasks up by ARN without scanning services).
 */
export interface SimContext {
  now(): number;
  readonly ids: Ids;
  readonly arns: Arns;
  /** Tasks launched per deployment per step. */
  readonly tasksPerStep: number;
  /** Failed tasks after which the circuit breaker fails a deployment. */
  readonly failureThreshold: number;
  /** Stopped tasks kept per service (ECS keeps them about an hour). */
  readonly maxStoppedTasks: number;
  readonly taskIndex: Map<string, SimTask>;
}
