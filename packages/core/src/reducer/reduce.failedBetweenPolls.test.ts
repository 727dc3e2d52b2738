import { describe, expect, it } from 'vitest';
import type { MonitorEvent } from '../model/events.js';
import type { DeploymentSnapshot, ServiceEventSnapshot, SweepOutcome } from '../model/snapshot.js';
import { buildDeployment, buildService } from '../testing/builders.js';
import {
  API_42,
  API_43,
  API_44,
  FIX,
  NEW,
  OLD,
  ROLLBACK,
  api,
  at,
  draining,
  newDeployment,
  oldDeployment,
  sweep,
} from './__fixtures__/scenarios.js';
import { replay } from './__fixtures__/replay.js';

/** The rollback the circuit breaker creates after NEW failed, in the given rollout state. */
function rollback(state: 'IN_PROGRESS' | 'COMPLETED', partial: Partial<DeploymentSnapshot> = {}): DeploymentSnapshot {
  return buildDeployment({
    id: ROLLBACK,
    taskDefinition: API_42,
    createdAt: at(1) - 2_000,
    updatedAt: at(1) - 1_000,
    rolloutState: state,
    rolloutStateReason:
      state === 'COMPLETED'
        ? `ECS deployment ${ROLLBACK} completed.`
        : `ECS deployment circuit breaker: rolling back to deploymentId ${OLD}.`,
    ...partial,
  });
}

/** NEW, failed by the circuit breaker, as ECS lists it beside the rollback. */
const failedNew = newDeployment(0, {
  status: 'ACTIVE',
  failedTasks: 3,
  rolloutState: 'FAILED',
  rolloutStateReason: 'ECS deployment circuit breaker: tasks failed to start.',
});

/** Service events, newest first, as DescribeServices gives them. */
function events(...messages: string[]): ServiceEventSnapshot[] {
  return messages.map((message, i) => ({ id: `event-${i}`, createdAt: at(1) - 100 * (i + 1), message: `(service api) ${message}` }));
}

/** What ECS logged while NEW failed and ROLLBACK replaced it, newest first. */
const ROLLBACK_STORY = events(
  'has reached a steady state.',
  `(deployment ${ROLLBACK}) deployment completed.`,
  `rolling back to deployment ${OLD}.`,
  `(deployment ${NEW}) deployment failed: tasks failed to start.`,
);

/** What a failure and its rollback make, in table order. */
const FAILED_THEN_ROLLED_BACK = [`DeploymentFailed:${NEW}`, `RollbackStarted:${ROLLBACK}`, `DeploymentCompleted:${ROLLBACK}`];

function typesOf(events: MonitorEvent[]): string[] {
  return events.map((e) => `${e.type}:${'deploymentId' in e ? e.deploymentId : ''}`);
}

function allEvents(sweeps: SweepOutcome[]): MonitorEvent[] {
  return replay(sweeps).perSweep.flat();
}

describe('reduce: a deployment that failed between two polls', () => {
  it('tells the failure and the rollback when ECS still lists the failed deployment', () => {
    // Prepare
    const sweeps = [
      sweep(0, api(oldDeployment())),
      sweep(1, api(rollback('IN_PROGRESS', { runningCount: 0 }), failedNew, draining(2))),
      sweep(2, api(rollback('COMPLETED'))),
    ];
    // Act
    const all = allEvents(sweeps);
    // Assess
    expect(typesOf(all)).toEqual(['MonitorStarted:', ...FAILED_THEN_ROLLED_BACK]);
    expect(all[1]).toMatchObject({
      taskDef: API_43,
      previousTaskDef: API_42,
      reason: 'ECS deployment circuit breaker: tasks failed to start.',
    });
    expect(all[2]).toMatchObject({ taskDef: API_42, previousTaskDef: API_43, failedDeploymentId: NEW });
    expect(all[3]).toMatchObject({ kind: 'rollback' });
  });

  it('reads the failure from the service events once ECS dropped the failed deployment, never "from api:42 to api:42"', () => {
    // Prepare: the whole failure and rollback happened between two sweeps.
    const sweeps = [sweep(0, api(oldDeployment())), sweep(1, { ...api(rollback('COMPLETED')), events: ROLLBACK_STORY })];
    // Act
    const all = allEvents(sweeps);
    // Assess
    expect(typesOf(all)).toEqual(['MonitorStarted:', ...FAILED_THEN_ROLLED_BACK]);
    expect(all[1]).toMatchObject({ taskDef: '', reason: 'tasks failed to start' });
    expect(all[2]).toMatchObject({ taskDef: API_42, failedDeploymentId: NEW });
    expect(all[2]).not.toHaveProperty('previousTaskDef');
    expect(all[2]).not.toHaveProperty('reason'); // "ECS deployment … completed." says nothing of a rollback
    expect(all[3]).toMatchObject({ kind: 'rollback' });
  });

  it('ends a watched rollout as failed when only the service events say so', () => {
    // Prepare: NEW was seen starting; by the next sweep ECS had failed it, rolled back and dropped it.
    const sweeps = [
      sweep(0, api(oldDeployment())),
      sweep(1, api(newDeployment(0), draining(2))),
      sweep(2, { ...api(rollback('COMPLETED')), events: ROLLBACK_STORY }),
    ];
    // Act
    const all = allEvents(sweeps);
    // Assess
    expect(typesOf(all)).toEqual([
      'MonitorStarted:',
      `DeploymentStarted:${NEW}`,
      `DeploymentFailed:${NEW}`,
      `RollbackStarted:${ROLLBACK}`,
      `DeploymentCompleted:${ROLLBACK}`,
    ]);
    expect(all[2]).toMatchObject({ taskDef: API_43, reason: 'tasks failed to start' });
    expect(all[3]).toMatchObject({ taskDef: API_42, previousTaskDef: API_43, failedDeploymentId: NEW });
  });

  it('tells the failure of a watched rollout that ECS rolled back, when the failure event is past the events kept', () => {
    // Prepare: newer events pushed "(deployment NEW) deployment failed" out of the sweep's window.
    const story = events(
      'has reached a steady state.',
      `(deployment ${ROLLBACK}) deployment completed.`,
      'has stopped 1 running tasks.',
      'has started 1 tasks: (task 1).',
      `rolling back to deployment ${OLD}.`,
    );
    const sweeps = [
      sweep(0, api(oldDeployment())),
      sweep(1, api(newDeployment(0), draining(2))),
      sweep(2, { ...api(rollback('COMPLETED')), events: story }),
    ];
    // Act
    const last = replay(sweeps).perSweep.at(-1) ?? [];
    // Assess
    expect(typesOf(last)).toEqual(FAILED_THEN_ROLLED_BACK);
    expect(last[0]).toMatchObject({ taskDef: API_43, deploymentCreated: new Date(at(1)).toISOString() });
    expect(last[1]).toMatchObject({ previousTaskDef: API_43, failedDeploymentId: NEW });
  });

  it('tells a fix deployed by hand after an unseen failure as a new deployment, and the failure too', () => {
    // Prepare
    const fix = buildDeployment({ id: FIX, taskDefinition: API_44, runningCount: 0, createdAt: at(1) - 500, rolloutState: 'IN_PROGRESS' });
    const sweeps = [sweep(0, api(oldDeployment())), sweep(1, api(fix, failedNew, draining(2)))];
    // Act
    const all = allEvents(sweeps);
    // Assess
    expect(typesOf(all)).toEqual(['MonitorStarted:', `DeploymentStarted:${FIX}`, `DeploymentFailed:${NEW}`]);
    expect(all[1]).toMatchObject({ taskDef: API_44, previousTaskDef: API_43 });
  });

  it('never tells a failure twice, when ECS repeats its service event', () => {
    // Prepare: after the rollback, a new deployment's answer carries the old failure message again.
    const next = buildDeployment({ id: FIX, taskDefinition: API_44, runningCount: 0, createdAt: at(2), rolloutState: 'IN_PROGRESS' });
    const sweeps = [
      sweep(0, api(oldDeployment())),
      sweep(1, { ...api(rollback('COMPLETED')), events: ROLLBACK_STORY }),
      sweep(2, {
        ...buildService({ name: 'api', deployments: [next, rollback('COMPLETED', { status: 'ACTIVE' })] }),
        events: events(`(deployment ${NEW}) deployment failed: tasks failed to start.`),
      }),
    ];
    // Act
    const all = allEvents(sweeps);
    // Assess
    expect(all.filter((e) => e.type === 'DeploymentFailed')).toHaveLength(1);
    expect(typesOf(replay(sweeps).perSweep.at(-1) ?? [])).toEqual([`DeploymentStarted:${FIX}`]);
  });
});
