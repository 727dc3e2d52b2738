import { describe, expect, it } from 'vitest';
import type { SweepOutcome } from '@mona-ecs/core/ecs';
import { createHealth } from './createHealth.js';

const good = (cluster: string, region = 'r'): SweepOutcome => ({
  kind: 'snapshot',
  cluster,
  region,
  observedAt: 0,
  services: [],
  missing: [],
});
const bad = (cluster: string, region = 'r'): SweepOutcome => ({
  kind: 'failure',
  cluster,
  region,
  observedAt: 0,
  error: { name: 'Error', message: 'connect ECONNREFUSED' },
});

function setup() {
  const clock = { now: 1_000_000 };
  const health = createHealth(
    [
      { cluster: 'a', region: 'r' },
      { cluster: 'b', region: 'r' },
    ],
    { checkIntervalSeconds: 10, now: () => clock.now },
  );
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

  it('keys clusters by region and name: prod in two regions is two clusters, each with its own line', () => {
    // Prepare
    const clock = { now: 1_000_000 };
    const clusters = [
      { cluster: 'prod', region: 'eu-west-1' },
      { cluster: 'prod', region: 'us-east-1' },
    ];
    const health = createHealth(clusters, { checkIntervalSeconds: 10, now: () => clock.now });

    // Act: only eu-west-1 is ever swept
    health.record(good('prod', 'eu-west-1'));
    const ready = health.ready();
    clock.now += 60_000;
    health.record(good('prod', 'eu-west-1'));

    // Assess: us-east-1 was never swept, so not ready, and it went stale
    expect(ready).toBe(false);
    expect(health.healthy()).toBe(false);
    expect(health.status()).toEqual([
      { cluster: 'prod', region: 'eu-west-1', swept: true, stale: false, lastGoodSweepAt: 1_060_000 },
      { cluster: 'prod', region: 'us-east-1', swept: false, stale: true },
    ]);
  });

  it('keeps one line per account, naming it, with the code of the latest failure', () => {
    // Prepare: prod in two accounts; search's role cannot be assumed
    const clock = { now: 1_000_000 };
    const clusters = [
      { cluster: 'prod', region: 'eu-west-1', account: 'payments' },
      { cluster: 'prod', region: 'eu-west-1', account: 'search' },
    ];
    const health = createHealth(clusters, { checkIntervalSeconds: 10, now: () => clock.now });
    const denied: SweepOutcome = {
      kind: 'failure',
      cluster: 'prod',
      region: 'eu-west-1',
      account: 'search',
      observedAt: 0,
      error: { name: 'MonaError', message: 'cannot assume role', code: 'MONA_ASSUME_ROLE_FAILED' },
    };
    // Act
    health.record({ ...good('prod', 'eu-west-1'), account: 'payments' });
    health.record(denied);
    // Assess
    expect(health.status()).toEqual([
      { cluster: 'prod', region: 'eu-west-1', account: 'payments', swept: true, stale: false, lastGoodSweepAt: 1_000_000 },
      { cluster: 'prod', region: 'eu-west-1', account: 'search', swept: true, stale: false, lastError: 'MONA_ASSUME_ROLE_FAILED' },
    ]);
  });
});
