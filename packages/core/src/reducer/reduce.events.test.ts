import { describe, expect, it } from 'vitest';
import { DEFAULT_MONITOR_CONFIG, consoleUrl } from '../model/config.js';
import type { MonitorEvent } from '../model/events.js';
import type { SweepOutcome } from '../model/snapshot.js';
import { buildFailure, buildService, buildSnapshot } from '../testing/builders.js';
import { reduce } from './reduce.js';
import {
  API_42,
  API_43,
  NEW,
  OLD,
  ROLLBACK,
  api,
  at,
  circuitBreakerRollback,
  draining,
  newDeployment,
  oldDeployment,
  rollingDeployment,
  sweep,
} from './__fixtures__/scenarios.js';
import { replay } from './__fixtures__/replay.js';

function lastEvents(sweeps: SweepOutcome[]): MonitorEvent[] {
  return replay(sweeps).perSweep.at(-1) ?? [];
}

function only<T extends MonitorEvent['type']>(events: MonitorEvent[], type: T): Extract<MonitorEvent, { type: T }> {
  const found = events.filter((e): e is Extract<MonitorEvent, { type: T }> => e.type === type);
  expect(found).toHaveLength(1);
  return found[0] as Extract<MonitorEvent, { type: T }>;
}

describe('reduce: event fields', () => {
  it("carries the original's serviceState fields on DeploymentStarted", () => {
    // Prepare
    const sweeps = rollingDeployment().slice(0, 2);
    // Act
    const started = only(lastEvents(sweeps), 'DeploymentStarted');
    // Assess
    expect(started).toEqual({
      type: 'DeploymentStarted',
      id: `prod/api/${NEW}/DeploymentStarted`,
      cluster: 'prod',
      region: 'eu-west-1',
      observedAt: at(1),
      service: 'api',
      deploymentId: NEW,
      deploymentCreated: new Date(at(1) - 1_000).toISOString(),
      deploymentUpdated: new Date(at(1) - 1_000).toISOString(),
      taskDef: API_43,
      previousTaskDef: API_42,
      runningCount: 2,
      desiredCount: 2,
      deploymentRunningCount: 0,
      pendingCount: 0,
      failedTasks: 0,
      success: false,
      consoleUrl: consoleUrl('eu-west-1', 'prod', 'api'),
    });
  });

  it('reports a rollback, not a completion, when the circuit breaker fires', () => {
    // Prepare
    const sweeps = circuitBreakerRollback();
    // Act
    const all = replay(sweeps).perSweep.flat();
    // Assess
    const rollback = only(all, 'RollbackStarted');
    expect(rollback).toMatchObject({ deploymentId: ROLLBACK, failedDeploymentId: NEW, taskDef: API_42, previousTaskDef: API_43 });
    expect(rollback.reason).toContain('rolling back');
    expect(only(all, 'DeploymentFailed')).toMatchObject({
      deploymentId: NEW,
      reason: 'ECS deployment circuit breaker: tasks failed to start.',
    });
    const completions = all.filter((e) => e.type === 'DeploymentCompleted');
    expect(completions).toMatchObject([{ kind: 'rollback', deploymentId: ROLLBACK, id: `prod/api/${ROLLBACK}/DeploymentCompleted` }]);
  });

  it('measures a deployment from its creation and a scale from the sweep that saw it begin', () => {
    // Prepare
    const deploy = rollingDeployment();
    const scale = [
      sweep(0, api(oldDeployment())),
      sweep(1, api(oldDeployment({ desiredCount: 4 }))),
      sweep(3, api(oldDeployment({ desiredCount: 4, runningCount: 4 }))),
    ];
    // Act
    const deployDone = only(lastEvents(deploy), 'DeploymentCompleted');
    const scaleDone = only(lastEvents(scale), 'DeploymentCompleted');
    // Assess
    expect(deployDone).toMatchObject({ kind: 'deploy', durationSeconds: Math.round((at(4) - (at(1) - 1_000)) / 1000), success: true });
    expect(scaleDone).toMatchObject({ kind: 'scale', durationSeconds: 10, id: `prod/api/${OLD}/DeploymentCompleted/scale@${at(1)}` });
  });

  it('puts the new desired count in the ScalingStarted id and keeps the previous one', () => {
    // Prepare
    const sweeps = [sweep(0, api(oldDeployment())), sweep(1, api(oldDeployment({ desiredCount: 4 })))];
    // Act
    const scaling = only(lastEvents(sweeps), 'ScalingStarted');
    // Assess
    expect(scaling).toMatchObject({ id: `prod/api/${OLD}/ScalingStarted/4@${at(1)}`, previousDesiredCount: 2, desiredCount: 4 });
  });

  it('gives a second crash of the same deployment its own id', () => {
    // Prepare
    const crash = (n: number) => sweep(n, api(oldDeployment({ runningCount: 1 })));
    const sweeps = [sweep(0, api(oldDeployment())), crash(1), sweep(2, api(oldDeployment())), crash(3)];
    // Act
    const crashes = replay(sweeps)
      .perSweep.flat()
      .filter((e) => e.type === 'TaskCrashed');
    // Assess
    expect(crashes.map((e) => e.id)).toEqual([`prod/api/${OLD}/TaskCrashed@${at(1)}`, `prod/api/${OLD}/TaskCrashed@${at(3)}`]);
  });

  it('says how long the deployment ran and what the limit was when it times out', () => {
    // Prepare
    const config = { ...DEFAULT_MONITOR_CONFIG, secondsUntilAlert: 60 };
    const sweeps = [
      sweep(0, api(oldDeployment())),
      sweep(1, api(newDeployment(1), draining(1))),
      sweep(20, api(newDeployment(1), draining(1))),
    ];
    // Act
    const events = replay(sweeps, config).perSweep.at(-1) ?? [];
    // Assess
    expect(only(events, 'DeploymentTimedOut')).toMatchObject({
      secondsUntilAlert: 60,
      durationSeconds: 96,
      id: `prod/api/${NEW}/DeploymentTimedOut`,
    });
  });

  it('names the sorted services in MonitorStarted', () => {
    // Prepare
    const sweeps = [sweep(0, buildService({ name: 'web' }), api(oldDeployment()), buildService({ name: 'auth' }))];
    // Act
    const started = only(lastEvents(sweeps), 'MonitorStarted');
    // Assess
    expect(started).toEqual({
      type: 'MonitorStarted',
      id: `prod/MonitorStarted@${at(0)}`,
      cluster: 'prod',
      region: 'eu-west-1',
      observedAt: at(0),
      serviceNames: ['api', 'auth', 'web'],
    });
  });

  it('tells why a service was removed', () => {
    // Prepare
    const start = sweep(0, buildService({ name: 'a' }), buildService({ name: 'b' }), buildService({ name: 'c' }));
    const next = buildSnapshot({ observedAt: at(1), services: [buildService({ name: 'a', status: 'DRAINING' })], missing: ['b'] });
    // Act
    const removed = lastEvents([start, next]);
    // Assess
    expect(removed.map((e) => [e.type, 'service' in e ? e.service : '', 'reason' in e ? e.reason : ''])).toEqual([
      ['ServiceRemoved', 'a', 'DRAINING'],
      ['ServiceRemoved', 'b', 'MISSING'],
      ['ServiceRemoved', 'c', 'UNLISTED'],
    ]);
  });

  it('gives each removal of a service without deployments its own id', () => {
    // Prepare: a CODE_DEPLOY service deleted, recreated under the same name, and deleted again
    const billing = (status: string) =>
      buildService({ name: 'billing', status, deploymentController: 'CODE_DEPLOY', deployments: [], desiredCount: 2, runningCount: 2 });
    const sweeps = [sweep(0, billing('ACTIVE')), sweep(1, billing('DRAINING')), sweep(2, billing('ACTIVE')), sweep(3, billing('DRAINING'))];
    // Act
    const removals = replay(sweeps)
      .perSweep.flat()
      .filter((e) => e.type === 'ServiceRemoved');
    // Assess
    expect(removals).toHaveLength(2);
    expect(new Set(removals.map((e) => e.id)).size).toBe(2);
  });

  it('keys degraded and recovered by the first failure and measures the outage from the last good sweep', () => {
    // Prepare
    const sweeps = [
      sweep(0, api(oldDeployment())),
      buildFailure({ observedAt: at(1) }),
      buildFailure({ observedAt: at(2) }),
      buildFailure({ observedAt: at(3) }),
      sweep(4, api(oldDeployment())),
    ];
    // Act
    const perSweep = replay(sweeps).perSweep;
    // Assess
    expect(only(perSweep[3] ?? [], 'MonitorDegraded')).toMatchObject({
      id: `prod/MonitorDegraded@${at(1)}`,
      failures: 3,
      reason: 'ThrottlingException: Rate exceeded',
    });
    expect(only(perSweep[4] ?? [], 'MonitorRecovered')).toMatchObject({ id: `prod/MonitorRecovered@${at(1)}`, durationSeconds: 20 });
  });
});

describe('reduce: ordering', () => {
  it('orders a sweep by service name, then by the table, cluster events first', () => {
    // Prepare
    const start = sweep(0, buildService({ name: 'web', deployments: [oldDeployment()] }), api(oldDeployment()));
    const failures = [1, 2, 3].map((n) => buildFailure({ observedAt: at(n) }));
    const busy = sweep(
      4,
      buildService({ name: 'web', deployments: [oldDeployment({ desiredCount: 5 })] }),
      api(newDeployment(2, { rolloutState: 'COMPLETED', failedTasks: 1 })),
    );
    // Act
    const events = replay([start, ...failures, busy]).perSweep.at(-1) ?? [];
    // Assess
    expect(events.map((e) => `${'service' in e ? e.service : '-'}:${e.type}`)).toEqual([
      '-:MonitorRecovered',
      'api:DeploymentStarted',
      'api:TasksFailing',
      'api:DeploymentCompleted',
      'web:ScalingStarted',
    ]);
  });
});

describe('reduce: purity and robustness', () => {
  it('never mutates the state or the snapshot it is given', () => {
    // Prepare
    const first = reduce(undefined, sweep(0, api(oldDeployment())), DEFAULT_MONITOR_CONFIG);
    const next = sweep(1, api(newDeployment(2, { rolloutState: 'COMPLETED' })));
    const before = JSON.stringify([first.state, next]);
    // Act
    reduce(deepFreeze(first.state), deepFreeze(next), DEFAULT_MONITOR_CONFIG);
    // Assess
    expect(JSON.stringify([first.state, next])).toBe(before);
  });

  it('keeps a JSON round trip of the state equivalent', () => {
    // Prepare
    const [s0, s1, s2, s3, s4] = circuitBreakerRollback() as [SweepOutcome, SweepOutcome, SweepOutcome, SweepOutcome, SweepOutcome];
    const half = replay([s0, s1, s2]).state;
    // Act
    const direct = replay([s3, s4], DEFAULT_MONITOR_CONFIG, half).perSweep;
    const revived = replay([s3, s4], DEFAULT_MONITOR_CONFIG, JSON.parse(JSON.stringify(half))).perSweep;
    // Assess
    expect(revived).toEqual(direct);
  });

  it('ignores input that is not a sweep at all', () => {
    // Prepare
    const garbage = [null, 42, 'snapshot'] as unknown as SweepOutcome[];
    // Act
    const results = garbage.map((g) => reduce(undefined, g, DEFAULT_MONITOR_CONFIG));
    // Assess
    expect(results.flatMap((r) => r.events)).toEqual([]);
  });

  it('tracks a service named __proto__ like any other', () => {
    // Prepare
    const sweeps = [
      sweep(0, buildService({ name: '__proto__', deployments: [oldDeployment()] })),
      sweep(1, buildService({ name: '__proto__', deployments: [oldDeployment({ runningCount: 1 })] })),
    ];
    // Act
    const events = lastEvents(sweeps);
    // Assess
    expect(events.map((e) => e.type)).toEqual(['TaskCrashed']);
  });
});

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}
