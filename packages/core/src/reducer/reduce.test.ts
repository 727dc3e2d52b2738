import { describe, expect, it } from 'vitest';
import { DEFAULT_MONITOR_CONFIG } from '../model/config.js';
import type { SweepOutcome } from '../model/snapshot.js';
import { buildDeployment, buildFailure, buildService, buildSnapshot } from '../testing/builders.js';
import {
  API_42,
  API_44,
  FIX,
  api,
  at,
  circuitBreakerRollback,
  codeDeployService,
  daemonService,
  deploymentWithoutRolloutState,
  draining,
  newDeployment,
  oldDeployment,
  rollingDeployment,
  sweep,
} from './__fixtures__/scenarios.js';
import { replay, typesPerSweep } from './__fixtures__/replay.js';

const failedNoRollback = (n: number) =>
  sweep(
    n,
    api(
      newDeployment(0, {
        failedTasks: 3,
        updatedAt: at(n),
        rolloutState: 'FAILED',
        rolloutStateReason: 'ECS deployment circuit breaker: tasks failed to start.',
      }),
      draining(2),
    ),
  );

interface Case {
  rule: string;
  sweeps: SweepOutcome[];
  expected: string[][];
}

/** One case per row and rule of DESIGN §4; `expected` lists each sweep's events in order. */
const cases: Case[] = [
  {
    rule: 'MonitorStarted: the first successful sweep is a silent baseline',
    sweeps: [sweep(0, api(newDeployment(1), draining(1)), buildService({ name: 'web' }))],
    expected: [['MonitorStarted']],
  },
  {
    rule: 'DeploymentStarted then DeploymentCompleted: a rolling deployment with PRIMARY + ACTIVE',
    sweeps: rollingDeployment(),
    expected: [['MonitorStarted'], ['DeploymentStarted'], [], [], ['DeploymentCompleted:deploy']],
  },
  {
    rule: 'DeploymentCompleted: a deployment whose rolloutState is absent completes on counts alone',
    sweeps: deploymentWithoutRolloutState(),
    expected: [['MonitorStarted'], ['DeploymentStarted'], ['DeploymentCompleted:deploy']],
  },
  {
    rule: 'a deployment that starts and finishes between two polls yields Started then Completed',
    sweeps: [sweep(0, api(oldDeployment())), sweep(1, api(newDeployment(2, { rolloutState: 'COMPLETED' })))],
    expected: [['MonitorStarted'], ['DeploymentStarted', 'DeploymentCompleted:deploy']],
  },
  {
    rule: 'a deployment that completes and is replaced between two polls still gets its DeploymentCompleted',
    sweeps: [
      sweep(0, api(oldDeployment())),
      sweep(1, api(newDeployment(1), draining(1))),
      sweep(
        2,
        api(
          buildDeployment({ id: FIX, taskDefinition: API_44, runningCount: 0, createdAt: at(2), rolloutState: 'IN_PROGRESS' }),
          newDeployment(2, { status: 'ACTIVE', rolloutState: 'COMPLETED' }),
        ),
      ),
    ],
    expected: [['MonitorStarted'], ['DeploymentStarted'], ['DeploymentStarted', 'DeploymentCompleted:deploy']],
  },
  {
    rule: 'DeploymentStarted: a service that appears after start-up',
    sweeps: [
      sweep(0, api(oldDeployment())),
      sweep(1, api(oldDeployment()), buildService({ name: 'web', deployments: [newDeployment(0)] })),
    ],
    expected: [['MonitorStarted'], ['DeploymentStarted']],
  },
  {
    rule: 'TasksFailing, DeploymentFailed, RollbackStarted, then a rollback completion: the circuit breaker',
    sweeps: circuitBreakerRollback(),
    expected: [
      ['MonitorStarted'],
      ['DeploymentStarted'],
      ['TasksFailing'],
      ['DeploymentFailed', 'RollbackStarted'],
      ['DeploymentCompleted:rollback'],
    ],
  },
  {
    rule: 'TasksFailing is sent once per deployment however often failedTasks rises',
    sweeps: [
      sweep(0, api(oldDeployment())),
      sweep(1, api(newDeployment(0, { failedTasks: 1 }), draining(2))),
      sweep(2, api(newDeployment(0, { failedTasks: 2 }), draining(2))),
    ],
    expected: [['MonitorStarted'], ['DeploymentStarted', 'TasksFailing'], []],
  },
  {
    rule: 'DeploymentFailed once, and no timeout afterwards, when the breaker fails without rollback',
    sweeps: [sweep(0, api(oldDeployment())), sweep(1, api(newDeployment(0), draining(2))), failedNoRollback(200), failedNoRollback(400)],
    expected: [['MonitorStarted'], ['DeploymentStarted'], ['TasksFailing', 'DeploymentFailed'], []],
  },
  {
    rule: 'RollbackStarted: a new PRIMARY back on the previous task definition after a FAILED one, without rollback text',
    sweeps: [
      sweep(0, api(oldDeployment())),
      sweep(1, api(newDeployment(0), draining(2))),
      failedNoRollback(2),
      sweep(
        3,
        api(
          buildDeployment({ id: FIX, taskDefinition: API_42, createdAt: at(3), rolloutState: 'IN_PROGRESS', rolloutStateReason: 'manual' }),
          newDeployment(0, { status: 'ACTIVE', rolloutState: 'FAILED' }),
        ),
      ),
    ],
    expected: [['MonitorStarted'], ['DeploymentStarted'], ['TasksFailing', 'DeploymentFailed'], ['RollbackStarted']],
  },
  {
    rule: 'DeploymentStarted, not RollbackStarted: a fix with a new task definition after a failure',
    sweeps: [
      sweep(0, api(oldDeployment())),
      sweep(1, api(newDeployment(0), draining(2))),
      failedNoRollback(2),
      sweep(3, api(buildDeployment({ id: FIX, taskDefinition: API_44, createdAt: at(3), rolloutState: 'IN_PROGRESS' }), draining(2))),
    ],
    expected: [['MonitorStarted'], ['DeploymentStarted'], ['TasksFailing', 'DeploymentFailed'], ['DeploymentStarted']],
  },
  {
    rule: 'ScalingStarted then a scale completion: same PRIMARY, desiredCount changed',
    sweeps: [
      sweep(0, api(oldDeployment())),
      sweep(1, api(oldDeployment({ desiredCount: 4 }))),
      sweep(2, api(oldDeployment({ desiredCount: 4, runningCount: 4 }))),
    ],
    expected: [['MonitorStarted'], ['ScalingStarted'], ['DeploymentCompleted:scale']],
  },
  {
    rule: 'TaskCrashed once, then a recover completion: a steady service short of tasks',
    sweeps: [
      sweep(0, api(oldDeployment())),
      sweep(1, api(oldDeployment({ runningCount: 1 }))),
      sweep(2, api(oldDeployment({ runningCount: 0 }))),
      sweep(3, api(oldDeployment())),
    ],
    expected: [['MonitorStarted'], ['TaskCrashed'], [], ['DeploymentCompleted:recover']],
  },
  {
    rule: 'DeploymentTimedOut once: a deployment with no update for secondsUntilAlert',
    sweeps: [
      sweep(0, api(oldDeployment())),
      sweep(1, api(newDeployment(1), draining(1))),
      sweep(130, api(newDeployment(1), draining(1))),
      sweep(131, api(newDeployment(1), draining(1))),
    ],
    expected: [['MonitorStarted'], ['DeploymentStarted'], ['DeploymentTimedOut'], []],
  },
  {
    rule: 'a stall that began before start-up: adopted silently, DeploymentTimedOut on the next sweep',
    sweeps: [
      sweep(130, api(newDeployment(1), draining(1))),
      sweep(130, api(newDeployment(1), draining(1))),
      sweep(131, api(newDeployment(1), draining(1))),
      sweep(132, api(newDeployment(1), draining(1))),
    ],
    expected: [['MonitorStarted'], [], ['DeploymentTimedOut'], []],
  },
  {
    rule: 'no DeploymentTimedOut while the deployment keeps being updated',
    sweeps: [
      sweep(0, api(oldDeployment())),
      sweep(1, api(newDeployment(1), draining(1))),
      sweep(130, api(newDeployment(1, { updatedAt: at(129) }), draining(1))),
    ],
    expected: [['MonitorStarted'], ['DeploymentStarted'], []],
  },
  {
    rule: 'never DeploymentTimedOut for a recovering service',
    sweeps: [
      sweep(0, api(oldDeployment())),
      sweep(1, api(oldDeployment({ runningCount: 1 }))),
      sweep(500, api(oldDeployment({ runningCount: 1 }))),
    ],
    expected: [['MonitorStarted'], ['TaskCrashed'], []],
  },
  {
    rule: 'ServiceRemoved: a DRAINING service',
    sweeps: [sweep(0, api(oldDeployment())), sweep(1, buildService({ name: 'api', status: 'DRAINING', deployments: [oldDeployment()] }))],
    expected: [['MonitorStarted'], ['ServiceRemoved']],
  },
  {
    rule: 'ServiceRemoved: a MISSING service',
    sweeps: [sweep(0, api(oldDeployment())), buildSnapshot({ observedAt: at(1), services: [], missing: ['api'] })],
    expected: [['MonitorStarted'], ['ServiceRemoved']],
  },
  {
    rule: 'ServiceRemoved: a service that left the listing',
    sweeps: [sweep(0, api(oldDeployment()), buildService({ name: 'web' })), sweep(1, buildService({ name: 'web' }))],
    expected: [['MonitorStarted'], ['ServiceRemoved']],
  },
  {
    rule: 'a service absent from both lists of a partial snapshot is unknown, not removed',
    sweeps: [
      sweep(0, api(oldDeployment()), buildService({ name: 'web' })),
      buildSnapshot({ observedAt: at(1), services: [buildService({ name: 'web' })], partial: true }),
      sweep(2, api(oldDeployment()), buildService({ name: 'web' })),
    ],
    expected: [['MonitorStarted'], [], []],
  },
  {
    rule: 'MonitorDegraded after degradedAfterFailures failed sweeps, once; MonitorRecovered on the next good one',
    sweeps: [
      sweep(0, api(oldDeployment())),
      buildFailure({ observedAt: at(1) }),
      buildFailure({ observedAt: at(2) }),
      buildFailure({ observedAt: at(3) }),
      buildFailure({ observedAt: at(4) }),
      sweep(5, api(oldDeployment())),
    ],
    expected: [['MonitorStarted'], [], [], ['MonitorDegraded'], [], ['MonitorRecovered']],
  },
  {
    rule: 'failures fewer than the threshold are neither degraded nor recovered',
    sweeps: [
      sweep(0, api(oldDeployment())),
      buildFailure({ observedAt: at(1) }),
      buildFailure({ observedAt: at(2) }),
      sweep(3, api(oldDeployment())),
    ],
    expected: [['MonitorStarted'], [], [], []],
  },
  {
    rule: 'start-up mid-deployment: adopted as deploying, later completed, never a false TaskCrashed',
    sweeps: [
      sweep(0, api(newDeployment(0), draining(2))),
      sweep(1, api(newDeployment(1), draining(1))),
      sweep(2, api(newDeployment(2, { rolloutState: 'COMPLETED' }))),
    ],
    expected: [['MonitorStarted'], [], ['DeploymentCompleted:deploy']],
  },
  {
    rule: 'start-up after a failed deployment: a fix on a new task definition is a DeploymentStarted, not a rollback',
    sweeps: [
      failedNoRollback(0),
      sweep(
        1,
        api(
          buildDeployment({ id: FIX, taskDefinition: API_44, runningCount: 0, createdAt: at(1), rolloutState: 'IN_PROGRESS' }),
          draining(2),
        ),
      ),
    ],
    expected: [['MonitorStarted'], ['DeploymentStarted']],
  },
  {
    rule: 'start-up after a failed deployment: going back to the task definition it replaced is a rollback',
    sweeps: [
      failedNoRollback(0),
      sweep(
        1,
        api(
          buildDeployment({ id: FIX, taskDefinition: API_42, runningCount: 0, createdAt: at(1), rolloutState: 'IN_PROGRESS' }),
          draining(2),
        ),
      ),
    ],
    expected: [['MonitorStarted'], ['RollbackStarted']],
  },
  {
    rule: 'start-up with a service short of tasks: no false TaskCrashed',
    sweeps: [
      sweep(0, api(oldDeployment({ runningCount: 1 }))),
      sweep(1, api(oldDeployment({ runningCount: 1 }))),
      sweep(2, api(oldDeployment())),
    ],
    expected: [['MonitorStarted'], [], ['DeploymentCompleted:recover']],
  },
  {
    rule: 'a CODE_DEPLOY service with no deployments scales and recovers on service-level counts',
    sweeps: codeDeployService(),
    expected: [['MonitorStarted'], ['ScalingStarted'], ['DeploymentCompleted:scale'], ['TaskCrashed'], ['DeploymentCompleted:recover']],
  },
  {
    rule: 'a DAEMON service whose desiredCount follows the instances is scaling',
    sweeps: daemonService(),
    expected: [['MonitorStarted'], ['ScalingStarted'], ['DeploymentCompleted:scale']],
  },
  {
    rule: 'a scale during a deployment is reported, and the deployment still completes as a deploy',
    sweeps: [
      sweep(0, api(oldDeployment())),
      sweep(1, api(newDeployment(1), draining(1))),
      sweep(2, api(newDeployment(1, { desiredCount: 3 }), draining(1))),
      sweep(3, api(newDeployment(3, { desiredCount: 3, rolloutState: 'COMPLETED' }))),
    ],
    expected: [['MonitorStarted'], ['DeploymentStarted'], ['ScalingStarted'], ['DeploymentCompleted:deploy']],
  },
  {
    rule: 'a service that leaves the listing and comes back with the same deployment is not re-announced',
    sweeps: [
      sweep(0, api(oldDeployment()), buildService({ name: 'web' })),
      sweep(1, buildService({ name: 'web' })),
      sweep(2, api(oldDeployment()), buildService({ name: 'web' })),
    ],
    expected: [['MonitorStarted'], ['ServiceRemoved'], []],
  },
  {
    rule: 'a service first seen after a partial baseline is adopted, not announced',
    sweeps: [
      buildSnapshot({ observedAt: at(0), services: [buildService({ name: 'web' })], partial: true }),
      sweep(1, api(newDeployment(1), draining(1)), buildService({ name: 'web' })),
      sweep(2, api(newDeployment(2, { rolloutState: 'COMPLETED' })), buildService({ name: 'web' })),
    ],
    expected: [['MonitorStarted'], [], ['DeploymentCompleted:deploy']],
  },
];

describe('reduce: DESIGN §4 table', () => {
  it.each(cases)('$rule', ({ sweeps, expected }) => {
    // Prepare: the sweeps of the case. Act
    const actual = typesPerSweep(sweeps);
    // Assess
    expect(actual).toEqual(expected);
  });

  it('applies the same snapshot twice without new events, at every step of every scenario', () => {
    for (const { sweeps } of cases) {
      // Prepare: every snapshot right after itself (a failure is a new failure, so it is not repeated)
      const doubled = sweeps.flatMap((s): SweepOutcome[] => (s.kind === 'snapshot' ? [s, s] : [s]));
      const isRepeat = doubled.map((s, index) => index > 0 && doubled[index - 1] === s);
      // Act
      const perSweep = replay(doubled).perSweep;
      // Assess
      expect(perSweep.filter((_, index) => isRepeat[index]).flat()).toEqual([]);
    }
  });
});

describe('reduce: configuration', () => {
  it('measures the timeout from createdAt when timeoutFrom says so', () => {
    // Prepare
    const sweeps = [
      sweep(0, api(oldDeployment())),
      sweep(1, api(newDeployment(1), draining(1))),
      sweep(4, api(newDeployment(1, { updatedAt: at(4) }), draining(1))),
    ];
    const config = { ...DEFAULT_MONITOR_CONFIG, secondsUntilAlert: 10, timeoutFrom: 'createdAt' as const };
    // Act
    const actual = typesPerSweep(sweeps, config);
    // Assess
    expect(actual[2]).toEqual(['DeploymentTimedOut']);
  });

  it('degrades after the configured number of failures', () => {
    // Prepare
    const config = { ...DEFAULT_MONITOR_CONFIG, degradedAfterFailures: 1 };
    // Act
    const actual = typesPerSweep([sweep(0, api(oldDeployment())), buildFailure({ observedAt: at(1) })], config);
    // Assess
    expect(actual[1]).toEqual(['MonitorDegraded']);
  });
});
