import type { ContainerChange } from '../model/context.js';
import type { TaskDefinitionInfo } from './TaskDefinitionCache.js';

/**
 * Per container, what changed between two task definitions: image, CPU units, memory (MiB).
 * Containers matched by name; an added one has no `previousImage`, a removed one no `image`.
 * Unchanged containers are left out, so a config-only deployment yields an empty list.
 *
 * @example
 * containerChanges(v41, v42); // [{ name: 'api', previousImage: 'repo/api:v41', image: 'repo/api:v42' }]
 */
export function containerChanges(previous: TaskDefinitionInfo, next: TaskDefinitionInfo): ContainerChange[] {
  const before = new Map(previous.containers.map((c) => [c.name, c]));
  const changes: ContainerChange[] = [];
  for (const container of next.containers) {
    const old = before.get(container.name);
    before.delete(container.name);
    if (old && old.image === container.image && old.cpu === container.cpu && old.memory === container.memory) continue;
    changes.push({
      name: container.name,
      ...(old?.image === undefined ? {} : { previousImage: old.image }),
      ...(container.image === undefined ? {} : { image: container.image }),
      ...(old?.cpu === undefined ? {} : { previousCpu: old.cpu }),
      ...(container.cpu === undefined ? {} : { cpu: container.cpu }),
      ...(old?.memory === undefined ? {} : { previousMemory: old.memory }),
      ...(container.memory === undefined ? {} : { memory: container.memory }),
    });
  }
  for (const removed of before.values()) {
    changes.push({ name: removed.name, ...(removed.image === undefined ? {} : { previousImage: removed.image }) });
  }
  return changes;
}
