import type { MonitorEvent } from '@mona-ecs/core';
import { sampleEvents } from '@mona-ecs/core/testing';
import { describe, expect, it } from 'vitest';
import { contextLines, textCarriesContext } from './contextLines.js';

function crashedWith(context: object): MonitorEvent {
  const event = sampleEvents().find((e) => e.type === 'TaskCrashed');
  if (!event) throw new Error('no sample TaskCrashed');
  return { ...event, context } as MonitorEvent;
}

describe('contextLines', () => {
  it('describes image, CPU and memory changes of a container on one line', () => {
    // Prepare
    const event = crashedWith({
      changes: [
        {
          name: 'api',
          previousImage: 'repo/api:v41',
          image: 'repo/api:v42',
          previousCpu: 256,
          cpu: 512,
          memory: 1024,
          previousMemory: 1024,
        },
      ],
    });

    // Act
    const groups = contextLines(event);

    // Assess
    expect(groups).toEqual([[':package: api: repo/api:v41 → repo/api:v42, cpu 256 → 512']]);
  });

  it('marks a new container and says when lookups were incomplete', () => {
    // Prepare
    const event = crashedWith({ changes: [{ name: 'sidecar', image: 'envoy:1.30' }], incomplete: ['stoppedTasks (timeout)'] });

    // Act
    const groups = contextLines(event);

    // Assess
    expect(groups).toEqual([[':package: sidecar: (new) → envoy:1.30'], ['_Context incomplete: stoppedTasks (timeout)_']]);
  });

  it('has nothing to say about an event without context', () => {
    // Prepare
    const event = sampleEvents().find((e) => e.type === 'MonitorStarted');
    if (!event) throw new Error('no sample MonitorStarted');

    // Act, Assess
    expect(contextLines(event)).toEqual([]);
    expect(textCarriesContext('anything', event)).toBe(false);
  });
});
