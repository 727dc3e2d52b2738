import { describe, expect, it } from 'vitest';
import { initialState, setOwn, type ClusterState, type ServiceTrack } from '../reducer/state.js';
import { fromCheckpoint, toCheckpoint } from './checkpoint.js';

const track: ServiceTrack = {
  phase: 'deploying',
  phaseSince: 1,
  deploymentId: 'ecs-svc/1',
  taskDef: 'api:2',
  desiredCount: 2,
  runningCount: 1,
  rollout: { stage: 'watching', failedTasks: 0, tasksFailingSent: false, timedOutSent: false },
  seen: ['ecs-svc/1'],
};
const steady: ServiceTrack = {
  phase: 'steady',
  phaseSince: 1,
  deploymentId: 'ecs-svc/0',
  taskDef: 'api:1',
  desiredCount: 2,
  runningCount: 2,
  seen: ['ecs-svc/0'],
};

describe('toCheckpoint / fromCheckpoint', () => {
  it('gives back the same reducer state after a JSON round trip, one entry per service', () => {
    // Prepare
    const state: ClusterState = { ...initialState('prod', 'eu-west-1'), started: true, services: {} };
    setOwn(state.services, 'api', track);
    setOwn(state.services, '__proto__', steady);
    // Act
    const checkpoint = JSON.parse(JSON.stringify(toCheckpoint(state, 42))) as ReturnType<typeof toCheckpoint>;
    // Assess
    expect(Object.keys(checkpoint.entries)).toEqual(['api', '__proto__']);
    expect(checkpoint.savedAt).toBe(42);
    expect(fromCheckpoint(checkpoint)).toEqual(state);
  });

  it('refuses a checkpoint of a layout it does not know', () => {
    const checkpoint = toCheckpoint(initialState('prod', 'eu-west-1'), 1);
    expect(fromCheckpoint({ ...checkpoint, version: 99 })).toBeUndefined();
    expect(fromCheckpoint({ ...checkpoint, meta: [] })).toBeUndefined();
  });
});
