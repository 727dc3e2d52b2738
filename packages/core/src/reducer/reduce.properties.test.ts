import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_MONITOR_CONFIG } from '../model/config.js';
import type { MonitorConfig } from '../model/config.js';
import type { MonitorEvent } from '../model/events.js';
import type { DeploymentSnapshot, ServiceSnapshot, SweepOutcome } from '../model/snapshot.js';
import { reduce } from './reduce.js';
import type { ClusterState } from './state.js';
import { replay } from './__fixtures__/replay.js';

const T0 = Date.UTC(2025, 2, 14, 9, 0, 0);
const CONFIG: MonitorConfig = { ...DEFAULT_MONITOR_CONFIG, secondsUntilAlert: 30 };
const RUNS = { numRuns: 150 };

/** Anything at all where a number, string or array is expected. */
const junk = fc.oneof(fc.anything(), fc.constantFrom(Number.NaN, Infinity, -1, 1e300, -8.7e15, '', '__proto__', null));

const malformedDeployment = fc.record(
  {
    id: fc.oneof(fc.constantFrom('ecs-svc/1', 'ecs-svc/2', ''), junk),
    status: fc.oneof(fc.constantFrom('PRIMARY', 'ACTIVE', 'INACTIVE'), junk),
    taskDefinition: junk,
    desiredCount: junk,
    runningCount: junk,
    pendingCount: junk,
    failedTasks: junk,
    createdAt: junk,
    updatedAt: junk,
    rolloutState: fc.oneof(fc.constantFrom('IN_PROGRESS', 'COMPLETED', 'FAILED'), junk),
    rolloutStateReason: junk,
  },
  { requiredKeys: [] },
);

const malformedService = fc.record(
  {
    name: fc.oneof(fc.constantFrom('api', 'web', '__proto__', 'constructor'), junk),
    status: fc.oneof(fc.constantFrom('ACTIVE', 'DRAINING', 'INACTIVE'), junk),
    desiredCount: junk,
    runningCount: junk,
    pendingCount: junk,
    deployments: fc.oneof(fc.array(fc.oneof(malformedDeployment, junk), { maxLength: 4 }), junk),
    events: junk,
  },
  { requiredKeys: [] },
);

const malformedSweep = fc.record(
  {
    kind: fc.oneof(fc.constantFrom('snapshot', 'failure'), junk),
    cluster: fc.oneof(fc.constant('prod'), junk),
    region: junk,
    observedAt: fc.oneof(fc.integer({ min: T0, max: T0 + 3_600_000 }), junk),
    services: fc.oneof(fc.array(fc.oneof(malformedService, junk), { maxLength: 5 }), junk),
    missing: fc.oneof(fc.array(fc.oneof(fc.constantFrom('api', 'web'), junk), { maxLength: 3 }), junk),
    partial: junk,
    error: junk,
  },
  { requiredKeys: [] },
);

/** Well-formed deployments drawn from small pools, so ids, states and counts collide often. */
const deployment: fc.Arbitrary<DeploymentSnapshot> = fc
  .record({
    id: fc.constantFrom('ecs-svc/1', 'ecs-svc/2', 'ecs-svc/3', 'ecs-svc/4'),
    status: fc.constantFrom('PRIMARY', 'PRIMARY', 'ACTIVE', 'INACTIVE'),
    taskDefinition: fc.constantFrom(
      'arn:aws:ecs:eu-west-1:123456789012:task-definition/api:42',
      'arn:aws:ecs:eu-west-1:123456789012:task-definition/api:43',
    ),
    desiredCount: fc.integer({ min: 0, max: 3 }),
    runningCount: fc.integer({ min: 0, max: 3 }),
    failedTasks: fc.integer({ min: 0, max: 3 }),
    createdAt: fc.integer({ min: T0, max: T0 + 600_000 }),
    updatedAt: fc.integer({ min: T0, max: T0 + 600_000 }),
    rolloutState: fc.option(fc.constantFrom('IN_PROGRESS', 'COMPLETED', 'FAILED'), { nil: undefined }),
    rolloutStateReason: fc.option(
      fc.constantFrom('ECS deployment circuit breaker: rolling back to deploymentId ecs-svc/1.', 'in progress'),
      { nil: undefined },
    ),
  })
  .map(({ rolloutState, rolloutStateReason, ...rest }) => ({
    ...rest,
    pendingCount: 0,
    ...(rolloutState === undefined ? {} : { rolloutState }),
    ...(rolloutStateReason === undefined ? {} : { rolloutStateReason }),
  }));

const service: fc.Arbitrary<ServiceSnapshot> = fc.record({
  name: fc.constantFrom('api', 'web', 'worker'),
  arn: fc.constant('arn:aws:ecs:eu-west-1:123456789012:service/prod/x'),
  status: fc.constantFrom('ACTIVE', 'ACTIVE', 'ACTIVE', 'DRAINING'),
  desiredCount: fc.integer({ min: 0, max: 3 }),
  runningCount: fc.integer({ min: 0, max: 3 }),
  pendingCount: fc.constant(0),
  deployments: fc.array(deployment, { maxLength: 3 }),
  events: fc.constant([]),
});

/** A run of sweeps 5 s apart: mostly snapshots (some partial, some with missing names), a few failures. */
const sequence: fc.Arbitrary<SweepOutcome[]> = fc
  .array(
    fc.oneof(
      {
        weight: 5,
        arbitrary: fc.record({
          services: fc.array(service, { maxLength: 3 }),
          missing: fc.subarray(['api', 'web', 'worker']),
          partial: fc.boolean(),
        }),
      },
      { weight: 1, arbitrary: fc.constant('failure' as const) },
    ),
    { minLength: 1, maxLength: 12 },
  )
  .map((steps) =>
    steps.map((step, index): SweepOutcome => {
      const base = { cluster: 'prod', region: 'eu-west-1', observedAt: T0 + 60_000 + index * 5_000 };
      if (step === 'failure') return { kind: 'failure', ...base, error: { name: 'ThrottlingException', message: 'Rate exceeded' } };
      return { kind: 'snapshot', ...base, services: step.services, missing: step.missing, ...(step.partial ? { partial: true } : {}) };
    }),
  );

function countBy(events: MonitorEvent[], pick: (e: MonitorEvent) => string | undefined): Map<string, number> {
  const counts = new Map<string, number>();
  for (const event of events) {
    const key = pick(event);
    if (key !== undefined) counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

describe('reduce: properties', () => {
  it('never throws on arbitrary malformed sweeps', () => {
    fc.assert(
      fc.property(fc.array(malformedSweep, { minLength: 1, maxLength: 6 }), (sweeps) => {
        // Prepare: sweeps of any shape. Act
        const { perSweep } = replay(sweeps as unknown as SweepOutcome[], CONFIG);
        // Assess: every sweep returned a list of events with ids
        expect(perSweep.flat().every((e) => typeof e.id === 'string')).toBe(true);
      }),
      RUNS,
    );
  });

  it('emits nothing new when the same snapshot is applied twice', () => {
    fc.assert(
      fc.property(sequence, (sweeps) => {
        let state: ClusterState | undefined;
        for (const sweep of sweeps) {
          // Prepare
          state = reduce(state, sweep, CONFIG).state;
          if (sweep.kind !== 'snapshot') continue;
          // Act
          const again = reduce(state, sweep, CONFIG);
          // Assess
          expect(again.events).toEqual([]);
          state = again.state;
        }
      }),
      RUNS,
    );
  });

  it('gives a deployment at most one DeploymentStarted and at most one terminal event', () => {
    fc.assert(
      fc.property(sequence, (sweeps) => {
        // Prepare / Act
        const events = replay(sweeps, CONFIG).perSweep.flat();
        const key = (e: MonitorEvent): string => ('deploymentId' in e ? `${e.service}/${e.deploymentId}` : '');
        const starts = countBy(events, (e) => (e.type === 'DeploymentStarted' ? key(e) : undefined));
        const terminal = countBy(events, (e) =>
          e.type === 'DeploymentFailed' || (e.type === 'DeploymentCompleted' && (e.kind === 'deploy' || e.kind === 'rollback'))
            ? key(e)
            : undefined,
        );
        // Assess
        expect([...starts.values(), ...terminal.values()].every((n) => n === 1)).toBe(true);
      }),
      RUNS,
    );
  });

  it('replays a recorded snapshot sequence into identical events, even from a revived state', () => {
    fc.assert(
      fc.property(sequence, (sweeps) => {
        // Prepare: a recording is the sweeps as JSON
        const recorded = JSON.parse(JSON.stringify(sweeps)) as SweepOutcome[];
        // Act
        const live = replay(sweeps, CONFIG).perSweep;
        const replayed = replay(recorded, CONFIG).perSweep;
        const revived: MonitorEvent[][] = [];
        let state: ClusterState | undefined;
        for (const sweep of recorded) {
          const result = reduce(state === undefined ? undefined : (JSON.parse(JSON.stringify(state)) as ClusterState), sweep, CONFIG);
          revived.push(result.events);
          state = result.state;
        }
        // Assess
        expect(replayed).toEqual(live);
        expect(revived).toEqual(live);
      }),
      RUNS,
    );
  });

  it('gives the same events when each sweep comes in parts as it lands, then whole as streamed', () => {
    fc.assert(
      fc.property(sequence, fc.integer({ min: 1, max: 3 }), (sweeps, partSize) => {
        // Prepare: each snapshot also as interim parts, as the source's batches carry them (a
        // name's answer and ECS's verdict on it together; the first entry of a name wins, as in a
        // sweep), then the streamed whole.
        const streamed = sweeps.flatMap((sweep): SweepOutcome[] => {
          if (sweep.kind !== 'snapshot') return [sweep];
          const byName = new Map([...sweep.services].reverse().map((s) => [s.name, s]));
          const names = [...new Set([...byName.keys(), ...sweep.missing])].sort();
          const parts: SweepOutcome[] = [];
          for (let i = 0; i < names.length; i += partSize) {
            const batch = names.slice(i, i + partSize);
            const services = batch.flatMap((name) => byName.get(name) ?? []);
            parts.push({ ...sweep, services, missing: sweep.missing.filter((name) => batch.includes(name)), interim: true });
          }
          return [...parts, { ...sweep, streamed: true }];
        });
        // Act
        const whole = replay(sweeps, CONFIG).perSweep.flat();
        const inParts = replay(streamed, CONFIG).perSweep.flat();
        // Assess
        const byId = (a: MonitorEvent, b: MonitorEvent): number => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
        expect([...inParts].sort(byId)).toEqual([...whole].sort(byId));
      }),
      RUNS,
    );
  });
});
