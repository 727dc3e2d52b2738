import { describe, expect, it } from 'vitest';
import { buildDeployment, buildFailure, buildService, buildSnapshot } from '../testing/builders.js';
import { SnapshotError, isSweepOutcome, parseSweepOutcome, sweepOutcomeProblems } from './parseSweepOutcome.js';

describe('parseSweepOutcome', () => {
  it('returns a well-formed snapshot or failure as it is', () => {
    // Prepare
    const snapshot = buildSnapshot({ services: [buildService({ deployments: [buildDeployment({ rolloutState: undefined })] })] });
    const failure = buildFailure();
    // Act
    const outcomes = [parseSweepOutcome(snapshot), parseSweepOutcome(failure)];
    // Assess
    expect(outcomes[0]).toBe(snapshot);
    expect(outcomes[1]).toBe(failure);
  });

  it('names every wrong field by path and service, never reading it as zero', () => {
    // Prepare: the junk the old reducer read as zeros and empty strings
    const { runningCount: _running, ...withoutRunning } = buildService({ name: 'api' });
    const junk = { ...buildSnapshot(), services: [{ ...withoutRunning, desiredCount: '3', deployments: [null] }] };
    // Act
    const problems = sweepOutcomeProblems(junk);
    // Assess
    expect(problems).toEqual([
      'services[0] (api).runningCount is missing',
      'services[0] (api).desiredCount must be number (got "3")',
      'services[0] (api).deployments[0] must be object (got null)',
    ]);
  });

  it('throws a SnapshotError with code MONA_SNAPSHOT_INVALID, the place and the fix', () => {
    // Prepare
    const junk = { kind: 'snapshot', cluster: 'prod' };
    // Act
    const attempt = () => parseSweepOutcome(junk, { where: 'line 3', fix: 'Repair the line' });
    // Assess
    expect(attempt).toThrow(SnapshotError);
    expect(attempt).toThrow(
      'line 3 is not a valid snapshot: region is missing; observedAt is missing; services is missing; missing is missing. Repair the line',
    );
    try {
      attempt();
    } catch (error) {
      expect(error).toMatchObject({ code: 'MONA_SNAPSHOT_INVALID', problems: expect.arrayContaining(['region is missing']) });
    }
  });

  it('lists five problems and counts the rest', () => {
    // Prepare: ten services without a name
    const services = Array.from({ length: 10 }, () => ({ ...buildService(), name: '' }));
    // Act
    const attempt = () => parseSweepOutcome({ ...buildSnapshot(), services });
    // Assess
    expect(attempt).toThrow(/\(and 5 more\)$/);
  });

  it.each([
    [null, 'the sweep is not an object (got null)'],
    [[], 'the sweep is not an object (got [])'],
    [{ kind: 'nap' }, 'kind must be "snapshot" or "failure" (got "nap")'],
    [{ ...buildFailure(), error: 'boom' }, 'error must be object (got "boom")'],
  ])('says what is wrong with %j', (value, problem) => {
    // Prepare / Act
    const problems = sweepOutcomeProblems(value);
    // Assess
    expect(problems).toEqual([problem]);
    expect(isSweepOutcome(value)).toBe(false);
  });

  it('keeps unknown enum values and extra fields (DESIGN §3)', () => {
    // Prepare
    const snapshot = { ...buildSnapshot({ services: [buildService({ status: 'HIBERNATING' })] }), addedLater: true };
    // Act
    const valid = isSweepOutcome(snapshot);
    // Assess
    expect(valid).toBe(true);
  });
});
