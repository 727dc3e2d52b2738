import { DescribeServicesCommand } from '@aws-sdk/client-ecs';
import { afterEach, describe, expect, it } from 'vitest';
import type { ClusterSnapshot, SweepOutcome } from '../model/snapshot.js';
import { recordingLogger } from '../testing/recordingLogger.js';
import { CLUSTER, describeFrom, freeLimiter, mockedEcs, sdkService } from './__fixtures__/ecsMock.js';
import { createEcsSource } from './createEcsSource.js';

const { client, ecs } = mockedEcs();
afterEach(() => ecs.reset());

function asSnapshot(outcome: SweepOutcome): ClusterSnapshot {
  if (outcome.kind !== 'snapshot') throw new Error(`expected a snapshot, got ${JSON.stringify(outcome)}`);
  return outcome;
}

describe('createEcsSource: incomplete answers', () => {
  it('reports a service answered without its counts as incomplete, in neither services nor missing', async () => {
    // Prepare
    const { runningCount: _r, deployments: _d, ...stripped } = sdkService('api');
    ecs.on(DescribeServicesCommand).callsFake(describeFrom({ api: stripped, web: sdkService('web') }));
    const source = createEcsSource({ client, rateLimiter: freeLimiter(), serviceNamesOverride: ['api', 'web'] });
    // Act
    const snapshot = asSnapshot(await source.sweep(CLUSTER, 0));
    // Assess
    expect(snapshot.services.map((s) => s.name)).toEqual(['web']);
    expect(snapshot.missing).toEqual([]);
    expect(snapshot.incomplete).toEqual([{ name: 'api', missing: ['runningCount', 'deployments'] }]);
    expect(snapshot.partial).toBeUndefined();
  });

  it('warns of an incomplete service once, not every sweep, even when its answers flip between complete and incomplete', async () => {
    // Prepare: incomplete, incomplete, complete, incomplete
    const { desiredCount: _d, ...stripped } = sdkService('api');
    const answers = [stripped, stripped, sdkService('api'), stripped];
    let sweep = 0;
    ecs.on(DescribeServicesCommand).callsFake((input) => describeFrom({ api: answers[sweep] ?? stripped })(input));
    const logger = recordingLogger();
    const source = createEcsSource({ client, rateLimiter: freeLimiter(), serviceNamesOverride: ['api'], logger });
    // Act
    for (; sweep < answers.length; sweep++) await source.sweep(CLUSTER, sweep);
    // Assess
    const lines = logger.entries.filter((r) => r.fields['service'] === 'api').map((r) => `${r.level}:${String(r.fields['missing'] ?? '')}`);
    expect(lines).toEqual(['warn:desiredCount', 'debug:desiredCount', 'debug:desiredCount']);
  });
});
