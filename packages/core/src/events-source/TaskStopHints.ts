import { LRUCache } from 'lru-cache';
import { clusterKey } from '../model/clusterKey.js';
import type { StoppedTask } from '../model/context.js';
import type { ClusterRef } from '../model/snapshot.js';

/** Services whose stopped tasks are kept, and stopped tasks kept per service. */
const SERVICES_KEPT = 2048;
const TASKS_KEPT = 20;

/**
 * Stopped tasks as ECS Task State Change events reported them (stop code, reason, exit codes),
 * per service: the enrichment reads them instead of calling ListTasks and DescribeTasks.
 *
 * @example
 * const hints = new TaskStopHints();
 * hints.record({ cluster: 'prod', region: 'eu-west-1' }, 'api', task);
 * hints.stoppedSince({ cluster: 'prod', region: 'eu-west-1' }, 'api', since); // newest first
 */
export class TaskStopHints {
  private readonly byService = new LRUCache<string, StoppedTask[]>({ max: SERVICES_KEPT });

  record(ref: Pick<ClusterRef, 'cluster' | 'region'>, service: string, task: StoppedTask): void {
    const key = `${clusterKey(ref)}|${service}`;
    const tasks = (this.byService.get(key) ?? []).filter((t) => t.taskArn !== task.taskArn);
    tasks.push(task);
    tasks.sort((a, b) => (b.stoppedAt ?? 0) - (a.stoppedAt ?? 0));
    this.byService.set(key, tasks.slice(0, TASKS_KEPT));
  }

  /** The service's stopped tasks reported at or after `since`, newest first (possibly none). */
  stoppedSince(ref: Pick<ClusterRef, 'cluster' | 'region'>, service: string, since: number): StoppedTask[] {
    const tasks = this.byService.get(`${clusterKey(ref)}|${service}`) ?? [];
    return tasks.filter((t) => (t.stoppedAt ?? Number.NEGATIVE_INFINITY) >= since);
  }
}
