import { describe, expect, it } from 'vitest';
import { DEFAULT_MONITOR_CONFIG } from '../model/config.js';
import { buildService } from '../testing/builders.js';
import { reduce } from './reduce.js';
import { initialState } from './state.js';
import { summarizeState } from './summarizeState.js';
import { API_43, NEW, api, draining, newDeployment, oldDeployment, sweep } from './__fixtures__/scenarios.js';

describe('summarizeState', () => {
  it('lists each service with its phase, counts and tracked deployment, by name', () => {
    // Prepare
    const first = reduce(
      undefined,
      sweep(0, buildService({ name: 'web', deployments: [oldDeployment()] }), api(oldDeployment())),
      DEFAULT_MONITOR_CONFIG,
    );
    const second = reduce(
      first.state,
      sweep(1, buildService({ name: 'web', deployments: [oldDeployment()] }), api(newDeployment(1), draining(1))),
      DEFAULT_MONITOR_CONFIG,
    );
    // Act
    const summary = summarizeState(second.state);
    // Assess
    expect(summary).toEqual([
      { service: 'api', phase: 'deploying', runningCount: 2, desiredCount: 2, deploymentId: NEW, taskDef: API_43 },
      {
        service: 'web',
        phase: 'steady',
        runningCount: 2,
        desiredCount: 2,
        deploymentId: oldDeployment().id,
        taskDef: oldDeployment().taskDefinition,
      },
    ]);
  });

  it('is empty before the first sweep', () => {
    // Prepare
    const state = initialState('prod', 'eu-west-1');
    // Act
    const summary = summarizeState(state);
    // Assess
    expect(summary).toEqual([]);
  });
});
