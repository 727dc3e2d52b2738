import { DescribeTasksCommand, ListTasksCommand } from '@aws-sdk/client-ecs';
import type { ECSClient, Task } from '@aws-sdk/client-ecs';
import type { StoppedTask } from '../model/context.js';
import type { Limiter } from './Limiter.js';

/** Tasks kept in the context; `stoppedCount` still counts them all. */
export const MAX_STOPPED_TASKS = 5;

export interface StoppedTasksQuery {
  cluster: string;
  service: string;
  /** Only tasks stopped at or after this time (epoch ms): the start of the phase. */
  since: number;
}

/**
 * The tasks of a service stopped since the phase began, newest first, in at most two calls
 * (see `listStoppedTasks`).
 *
 * @example
 * const { stoppedTasks, stoppedCount } = await lookupStoppedTasks(client, limiter, { cluster: 'prod', service: 'api', since }, signal);
 */
export async function lookupStoppedTasks(
  client: ECSClient,
  limiter: Limiter,
  query: StoppedTasksQuery,
  signal: AbortSignal,
): Promise<{ stoppedTasks: StoppedTask[]; stoppedCount: number }> {
  return stoppedSince(await listStoppedTasks(client, limiter, query, signal), query.since);
}

/**
 * Every stopped task ECS still lists for a service, newest first, in at most two calls: one
 * ListTasks page (`desiredStatus: STOPPED`, 100 tasks, the API maximum) and one DescribeTasks
 * (100 tasks, its maximum). ECS only keeps stopped tasks for about an hour, which is why one
 * page is enough. Both calls go through the tasks API limiter: ECS throttles them in their own
 * bucket, apart from DescribeServices.
 *
 * @example
 * const tasks = await listStoppedTasks(client, limiter, { cluster: 'prod', service: 'api' }, signal);
 */
export async function listStoppedTasks(
  client: ECSClient,
  limiter: Limiter,
  query: Pick<StoppedTasksQuery, 'cluster' | 'service'>,
  signal: AbortSignal,
): Promise<StoppedTask[]> {
  await limiter.acquire(signal);
  const listed = await client.send(
    new ListTasksCommand({ cluster: query.cluster, serviceName: query.service, desiredStatus: 'STOPPED', maxResults: 100 }),
    { abortSignal: signal },
  );
  const arns = (listed.taskArns ?? []).slice(0, 100);
  if (arns.length === 0) return [];
  await limiter.acquire(signal);
  const described = await client.send(new DescribeTasksCommand({ cluster: query.cluster, tasks: arns }), { abortSignal: signal });
  return (described.tasks ?? []).map(toStoppedTask).sort((a, b) => (b.stoppedAt ?? 0) - (a.stoppedAt ?? 0));
}

/**
 * The tasks of `tasks` (newest first) stopped at or after `since`, capped for the context.
 *
 * @example
 * stoppedSince(await listStoppedTasks(client, limiter, query, signal), deploymentCreatedAt);
 */
export function stoppedSince(tasks: readonly StoppedTask[], since: number): { stoppedTasks: StoppedTask[]; stoppedCount: number } {
  const recent = tasks.filter((task) => (task.stoppedAt ?? Number.NEGATIVE_INFINITY) >= since);
  return { stoppedTasks: recent.slice(0, MAX_STOPPED_TASKS), stoppedCount: recent.length };
}

/** A task still stopping has no `stoppedAt` yet; when it began stopping is the best we know. */
function toStoppedTask(task: Task): StoppedTask {
  const stoppedAt = (task.stoppedAt ?? task.stoppingAt ?? task.executionStoppedAt)?.getTime();
  return {
    taskArn: task.taskArn ?? '',
    ...(task.taskDefinitionArn === undefined ? {} : { taskDefinition: task.taskDefinitionArn }),
    ...(task.stopCode === undefined ? {} : { stopCode: task.stopCode }),
    ...(task.stoppedReason === undefined ? {} : { stoppedReason: task.stoppedReason }),
    ...(stoppedAt === undefined ? {} : { stoppedAt }),
    containers: (task.containers ?? []).map((c) => ({
      name: c.name ?? '',
      ...(c.exitCode === undefined ? {} : { exitCode: c.exitCode }),
      ...(c.reason === undefined ? {} : { reason: c.reason }),
    })),
  };
}
