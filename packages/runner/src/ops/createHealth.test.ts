import { describe, expect, it } from 'vitest';
import type { SweepOutcome } from '@mona-ecs/core';
import { createHealth } from './createHealth.js';

const good = (cluster: string): SweepOutcome => ({ kind: 'snapshot', cluster, region: 'r', observedAt: 0, services: [], missing: [] });
const bad = (cluster: string): SweepOutcome => ({
  kind: 'failure',
  cluster,
  region: 'r',
  observedAt: 0,
  error: { name: 'Error', message: 'connect ECONNREFUSED' },
});

function setup() {
  const clock = { now: 1_000_000 };
  const health = createHealth(['a', 'b'], { checkIntervalSeconds: 10, now: () => clock.now });
  return { clock, health };
}

describe('createHealth', () => {
  it('is ready only once every cluster finished a first sweep, good or bad', () => {
    // Prepare
    const { health } = setup();

    // Act
    const before = health.ready();
    health.record(good('a'));
    const half = health.ready();
    health.record(bad('b'));

    // Assess
    expect([before, half, health.ready()]).toEqual([false, false, true]);
  });

  it('stays healthy while warming up and turns unhealthy after 3 intervals + 30 s without a good sweep', () => {
    // Prepare
    const { clock, health } = setup();
    health.record(good('a'));
    health.record(bad('b'));

    // Act
    clock.now += 59_000;
    const justBefore = health.healthy();
    clock.now += 1_000;

    // Assess
    expect(justBefore).toBe(true);
    expect(health.healthy()).toBe(false);
    expect(health.status().find((s) => s.cluster === 'b')?.stale).toBe(true);
  });

  it('recovers with the next good sweep', () => {
    // Prepare
    const { clock, health } = setup();
    clock.now += 120_000;

    // Act
    health.record(good('a'));
    health.record(good('b'));

    // Assess
    expect(health.healthy()).toBe(true);
  });
});
