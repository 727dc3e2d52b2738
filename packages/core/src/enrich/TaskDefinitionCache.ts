import { DescribeTaskDefinitionCommand } from '@aws-sdk/client-ecs';
import type { ECSClient } from '@aws-sdk/client-ecs';
import { LRUCache } from 'lru-cache';
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
  // lru-cache shares concurrent fetches of one key, drops a rejected fetch instead of caching
  // it, and evicts the least recently used. No caller's signal reaches it: each caller stops
  // waiting on its own through `abortable`, the shared call keeps its own deadline.
  private readonly entries: LRUCache<string, TaskDefinitionInfo, Lookup>;

  constructor(maxEntries: number = DEFAULT_TASK_DEFINITION_CACHE_SIZE) {
    this.entries = new LRUCache<string, TaskDefinitionInfo, Lookup>({
      max: maxEntries,
      fetchMethod: (arn, _stale, { context }) =>
        describe(context.client, context.limiter, arn, AbortSignal.timeout(SHARED_LOOKUP_TIMEOUT_MS)),
    });
  }

  get(client: ECSClient, limiter: Limiter, arn: string, signal: AbortSignal): Promise<TaskDefinitionInfo> {
    return abortable(
      this.entries.fetch(arn, { context: { client, limiter } }).then((info) => {
        // fetch() resolves undefined only when the fetch method does, which `describe` never does.
        if (info === undefined) throw new Error(`DescribeTaskDefinition gave no answer for ${arn}`);
        return info;
      }),
      signal,
    );
  }

  get size(): number {
    return this.entries.size;
  }
}

interface Lookup {
  client: ECSClient;
  limiter: Limiter;
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
