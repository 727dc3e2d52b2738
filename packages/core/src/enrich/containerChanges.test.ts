import { describe, expect, it } from 'vitest';
import { containerChanges } from './containerChanges.js';

describe('containerChanges', () => {
  it('reports image, CPU and memory changes per container and skips unchanged ones', () => {
    // Prepare
    const before = {
      containers: [
        { name: 'api', image: 'repo/api:v41', cpu: 256, memory: 512 },
        { name: 'otel', image: 'otel:1' },
      ],
    };
    const after = {
      containers: [
        { name: 'api', image: 'repo/api:v42', cpu: 512, memory: 512 },
        { name: 'otel', image: 'otel:1' },
      ],
    };
    // Act
    const changes = containerChanges(before, after);
    // Assess
    expect(changes).toEqual([
      { name: 'api', previousImage: 'repo/api:v41', image: 'repo/api:v42', previousCpu: 256, cpu: 512, previousMemory: 512, memory: 512 },
    ]);
  });

  it('reports added and removed containers', () => {
    // Act
    const changes = containerChanges({ containers: [{ name: 'old', image: 'a:1' }] }, { containers: [{ name: 'new', image: 'b:1' }] });
    // Assess
    expect(changes).toEqual([
      { name: 'new', image: 'b:1' },
      { name: 'old', previousImage: 'a:1' },
    ]);
  });
});
