import { DescribeTaskDefinitionCommand } from '@aws-sdk/client-ecs';
import type { ECSClient } from '@aws-sdk/client-ecs';
import { abortable } from '../abortable.js';
import type { Limiter } from './Limiter.js';

/** The part of a task definition that a deployment message shows. */
export interface TaskDefinitionInfo {
  containers: { name: string; image?: string; cpu?: number; memory?: number }[];
}

export const DEFAULT_TASK_DEFINITION_CACHE_SIZE = 256;

/** The shared call's own deadline: no caller's budget may cancel it, but it must not hang forever. */
export const SHARED_LOOKUP_TIMEOUT_MS = 30_000;

/**
 * DescribeTaskDefinition, cached by ARN: a task definition revision never changes, so one call
 * per revision is enough for the life of the process. Bounded (least recently used goes first)
 * so a long-running monitor of a busy cluster does not grow without end. Concurrent lookups of
 * one ARN share a single call; a failed call is not cached. The shared call is not tied to any
 * caller's signal (a caller whose budget runs out stops waiting, the others still get the
 * answer, and so does the cache); it has its own deadline instead.
 *
 * @example
 * const cache = new TaskDefinitionCache();
 * const info = await cache.get(client, limiter, 'arn:aws:ecs:…:task-definition/api:42', signal);
 */
export class TaskDefinitionCache {
  private readonly entries = new Map<string, Promise<TaskDefinitionInfo>>();

  constructor(private readonly maxEntries: number = DEFAULT_TASK_DEFINITION_CACHE_SIZE) {}

  get(client: ECSClient, limiter: Limiter, arn: string, signal: AbortSignal): Promise<TaskDefinitionInfo> {
    const cached = this.entries.get(arn);
    if (cached) {
      this.entries.delete(arn);
      this.entries.set(arn, cached);
      return abortable(cached, signal);
    }
    const lookup = describe(client, limiter, arn, AbortSignal.timeout(SHARED_LOOKUP_TIMEOUT_MS));
    this.entries.set(arn, lookup);
    lookup.catch(() => {
      if (this.entries.get(arn) === lookup) this.entries.delete(arn);
    });
    this.evict();
    return abortable(lookup, signal);
  }

  get size(): number {
    return this.entries.size;
  }

  private evict(): void {
    for (const key of this.entries.keys()) {
      if (this.entries.size <= this.maxEntries) break;
      this.entries.delete(key);
    }
  }
}

async function describe(client: ECSClient, limiter: Limiter, arn: string, signal: AbortSignal): Promise<TaskDefinitionInfo> {
  await limiter.acquire(signal);
  const out = await client.send(new DescribeTaskDefinitionCommand({ taskDefinition: arn }), { abortSignal: signal });
  return {
    containers: (out.taskDefinition?.containerDefinitions ?? []).map((c) => ({
      name: c.name ?? '',
      ...(c.image === undefined ? {} : { image: c.image }),
      ...(c.cpu === undefined ? {} : { cpu: c.cpu }),
      ...(c.memory === undefined ? {} : { memory: c.memory }),
    })),
  };
}
