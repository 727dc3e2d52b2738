import { describe, expect, it } from 'vitest';
import { DEFAULT_MONITOR_CONFIG } from '../model/config.js';
import type { MonitorConfig } from '../model/config.js';
import type { ClusterSnapshot, SweepOutcome } from '../model/snapshot.js';
import { buildFailure, buildService } from '../testing/builders.js';
import { replay } from './__fixtures__/replay.js';
import { reduce } from './reduce.js';
import { NEW, api, at, draining, newDeployment, oldDeployment, sweep } from './__fixtures__/scenarios.js';

const CONFIG: MonitorConfig = { ...DEFAULT_MONITOR_CONFIG, degradedAfterFailures: 2, recoveredAfterSweeps: 2 };

function interim(n: number, services = [api(oldDeployment())], missing: string[] = []): ClusterSnapshot {
  return { ...(sweep(n, ...services) as ClusterSnapshot), missing, interim: true };
}

function types(sweeps: SweepOutcome[]): string[] {
  return replay(sweeps, CONFIG).perSweep.flatMap((events, n) => events.map((e) => `${n}:${e.type}`));
}

describe('reduce: interim parts and streamed sweeps', () => {
  it('ignores a part before the first sweep: the baseline is a whole sweep', () => {
    // Prepare: a part shows api mid-deployment before Mona has any baseline.
    const sweeps = [interim(0, [api(newDeployment(0), draining(2))]), sweep(1, api(oldDeployment()))];
    // Act / Assess
    expect(types(sweeps)).toEqual(['1:MonitorStarted']);
  });

  it('tells what a part shows at once, and not again when the streamed sweep follows', () => {
    // Prepare
    const streamedSweep = { ...(sweep(2, api(newDeployment(0), draining(2))) as ClusterSnapshot), streamed: true };
    const sweeps = [sweep(0, api(oldDeployment())), interim(1, [api(newDeployment(0), draining(2))]), streamedSweep];
    // Act / Assess
    expect(types(sweeps)).toEqual(['0:MonitorStarted', '1:DeploymentStarted']);
    expect(replay(sweeps, CONFIG).perSweep[1]?.[0]).toMatchObject({ deploymentId: NEW, observedAt: at(1) });
  });

  it('never removes a service a part leaves out, but takes ECS verdicts from it', () => {
    // Prepare: two services; a part holds only web, then one says api is MISSING.
    const web = buildService({ name: 'web' });
    const sweeps = [sweep(0, api(oldDeployment()), web), interim(1, [web]), interim(2, [], ['api'])];
    // Act / Assess
    expect(types(sweeps)).toEqual(['0:MonitorStarted', '2:ServiceRemoved']);
  });

  it('removes a service absent from a complete streamed sweep, as from a whole one', () => {
    // Prepare
    const web = buildService({ name: 'web' });
    const streamedSweep = { ...(sweep(2, web) as ClusterSnapshot), streamed: true };
    const sweeps = [sweep(0, api(oldDeployment()), web), interim(1, [web]), streamedSweep];
    // Act / Assess
    expect(types(sweeps)).toEqual(['0:MonitorStarted', '2:ServiceRemoved']);
  });

  it('counts no part as a good sweep: a degraded cluster recovers on whole sweeps only', () => {
    // Prepare: degraded after two failures; then many parts, then two whole sweeps.
    const failures = [buildFailure({ observedAt: at(1) }), buildFailure({ observedAt: at(2) })];
    const parts = [3, 4, 5, 6].map((n) => interim(n));
    const sweeps = [sweep(0, api(oldDeployment())), ...failures, ...parts, sweep(7, api(oldDeployment())), sweep(8, api(oldDeployment()))];
    // Act / Assess
    expect(types(sweeps)).toEqual(['0:MonitorStarted', '2:MonitorDegraded', '8:MonitorRecovered']);
  });

  it('returns the very state when a part changes nothing, so a sweep in many parts never copies the cluster for each', () => {
    // Prepare
    const web = buildService({ name: 'web' });
    const started = reduce(undefined, sweep(0, api(oldDeployment()), web), CONFIG).state;
    // Act
    const after = reduce(started, interim(1, [web]), CONFIG);
    // Assess
    expect(after.events).toEqual([]);
    expect(after.state).toBe(started);
  });
});
