import { describe, expect, it } from 'vitest';
import type { ClusterSnapshot } from '../model/snapshot.js';
import { buildService, buildSnapshot } from '../testing/builders.js';
import { replay, typesPerSweep } from './__fixtures__/replay.js';
import { api, at, newDeployment, oldDeployment, sweep } from './__fixtures__/scenarios.js';

/** A sweep where ECS answered for `names` without their counts (and nothing else). */
function incompleteSweep(n: number, names: string[], ...services: ReturnType<typeof buildService>[]): ClusterSnapshot {
  return buildSnapshot({
    observedAt: at(n),
    services,
    incomplete: names.map((name) => ({ name, missing: ['runningCount', 'desiredCount', 'deployments'] })),
  });
}

describe('reduce: incomplete answers (issue 12, item 3)', () => {
  it('never reads missing counts as zero: no false scaling, crash or removal, the track untouched', () => {
    // Prepare: api answered without counts twice, between complete answers
    const sweeps = [
      sweep(0, api(oldDeployment()), buildService({ name: 'web' })),
      incompleteSweep(1, ['api'], buildService({ name: 'web' })),
      incompleteSweep(2, ['api'], buildService({ name: 'web' })),
      sweep(3, api(oldDeployment()), buildService({ name: 'web' })),
    ];
    // Act
    const { perSweep } = replay(sweeps);
    const before = replay(sweeps.slice(0, 1)).state?.services['api'];
    const during = replay(sweeps.slice(0, 3)).state?.services['api'];
    // Assess
    expect(perSweep.map((events) => events.map((e) => e.type))).toEqual([['MonitorStarted'], [], [], []]);
    expect(during).toEqual(before);
  });

  it('still sees a real change once the counts are back', () => {
    // Prepare
    const sweeps = [sweep(0, api(oldDeployment())), incompleteSweep(1, ['api']), sweep(2, api(oldDeployment({ desiredCount: 4 })))];
    // Act
    const types = typesPerSweep(sweeps);
    // Assess
    expect(types).toEqual([['MonitorStarted'], [], ['ScalingStarted']]);
  });

  it('adopts a service that was incomplete at start-up silently, never as a new deployment', () => {
    // Prepare: api's first answers lack its counts; then it is mid-deployment
    const sweeps = [
      incompleteSweep(0, ['api'], buildService({ name: 'web' })),
      sweep(1, api(newDeployment(1), oldDeployment({ status: 'ACTIVE' })), buildService({ name: 'web' })),
      sweep(2, api(newDeployment(2, { rolloutState: 'COMPLETED' })), buildService({ name: 'web' })),
    ];
    // Act
    const types = typesPerSweep(sweeps);
    // Assess
    expect(types).toEqual([['MonitorStarted'], [], ['DeploymentCompleted:deploy']]);
  });

  it('announces a service created after start-up whose first answer was incomplete, once complete', () => {
    // Prepare
    const sweeps = [
      sweep(0, api(oldDeployment())),
      incompleteSweep(1, ['web'], api(oldDeployment())),
      sweep(2, api(oldDeployment()), buildService({ name: 'web', deployments: [newDeployment(0)] })),
    ];
    // Act
    const types = typesPerSweep(sweeps);
    // Assess
    expect(types).toEqual([['MonitorStarted'], [], ['DeploymentStarted']]);
  });

  it('leaves a CODE_DEPLOY service without deployments alone: it is complete, and scales', () => {
    // Prepare
    const billing = (desired: number) =>
      buildService({ name: 'billing', deploymentController: 'CODE_DEPLOY', deployments: [], desiredCount: desired, runningCount: 2 });
    // Act
    const types = typesPerSweep([sweep(0, billing(2)), sweep(1, billing(3))]);
    // Assess
    expect(types).toEqual([['MonitorStarted'], ['ScalingStarted']]);
  });
});
