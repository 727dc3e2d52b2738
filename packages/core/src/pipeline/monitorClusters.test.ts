import { DescribeServicesCommand } from '@aws-sdk/client-ecs';
import { firstValueFrom, map, take, tap, toArray } from 'rxjs';
import { afterEach, describe, expect, it } from 'vitest';
import { describeFrom, freeLimiter, mockedEcs, sdkService } from '../ecs-source/__fixtures__/ecsMock.js';
import type { EnrichInput } from '../model/enricher.js';
import type { ClusterRef, SweepOutcome } from '../model/snapshot.js';
import type { SnapshotSource } from '../model/source.js';
import { recordingLogger } from '../testing/recordingLogger.js';
import { PROD, stableService } from './__fixtures__/streamFixtures.js';
import { monitorCluster, monitorClusters } from './monitorClusters.js';

const STAGING: ClusterRef = { cluster: 'staging', region: 'eu-west-1' };
/** Fast real ticks (5 ms): these tests use promise-based sources, which virtual time cannot drive. */
const FAST = 0.005;

/** A source that plays each cluster's script, one outcome per sweep, repeating the last one. */
function scriptedSource(scripts: Record<string, ((observedAt: number) => SweepOutcome)[]>): SnapshotSource {
  const calls = new Map<string, number>();
  return {
    sweep(cluster) {
      const n = calls.get(cluster.cluster) ?? 0;
      calls.set(cluster.cluster, n + 1);
      const script = scripts[cluster.cluster] ?? [];
      const step = script[Math.min(n, script.length - 1)];
      if (!step) return Promise.reject(new Error(`no script for ${cluster.cluster}`));
      return Promise.resolve(step(1_700_000_000_000 + n * 10_000));
    },
  };
}

function snapshot(cluster: ClusterRef, deploymentId: string) {
  return (observedAt: number): SweepOutcome => ({
    kind: 'snapshot',
    cluster: cluster.cluster,
    region: cluster.region,
    observedAt,
    services: [stableService('api', deploymentId, observedAt)],
    missing: [],
  });
}

describe('monitorClusters', () => {
  it('merges several clusters, each reduced with its own state', async () => {
    // Prepare: prod deploys a new version on its second sweep; staging stays put
    const source = scriptedSource({
      prod: [snapshot(PROD, 'd1'), snapshot(PROD, 'd2')],
      staging: [snapshot(STAGING, 'd1')],
    });
    // Act
    const events = await firstValueFrom(
      monitorClusters({ clusters: [PROD, STAGING], source, checkIntervalSeconds: FAST }).pipe(take(3), toArray()),
    );
    // Assess
    const seen = events.map((e) => `${e.cluster}:${e.type}`).sort();
    expect(seen).toEqual(['prod:DeploymentStarted', 'prod:MonitorStarted', 'staging:MonitorStarted']);
  });

  it('hands the enrichment step each event with its service snapshot', async () => {
    // Prepare
    const inputs: EnrichInput[] = [];
    const source = scriptedSource({ prod: [snapshot(PROD, 'd1'), snapshot(PROD, 'd2')] });
    // Act
    await firstValueFrom(
      monitorCluster(PROD, {
        source,
        checkIntervalSeconds: FAST,
        enrich: (input$) =>
          input$.pipe(
            tap((input) => inputs.push(input)),
            map((input) => input.event),
          ),
      }).pipe(take(2), toArray()),
    );
    // Assess
    expect(inputs.map((i) => [i.event.type, i.service?.deployments[0]?.id])).toEqual([
      ['MonitorStarted', undefined],
      ['DeploymentStarted', 'd2'],
    ]);
  });

  it('logs the state summary through the injected logger', async () => {
    // Prepare
    const logger = recordingLogger();
    const source = scriptedSource({ prod: [snapshot(PROD, 'd1')] });
    // Act
    await firstValueFrom(monitorCluster(PROD, { source, logger, checkIntervalSeconds: FAST }));
    // Assess
    const entry = logger.entries.find((e) => e.msg === 'state');
    expect(entry?.fields).toMatchObject({ cluster: 'prod', services: [{ service: 'api', phase: 'steady', deploymentId: 'd1' }] });
  });
});

describe('monitorCluster in another account', () => {
  it('carries the account on every event and in the state log', async () => {
    // Prepare
    const logger = recordingLogger();
    const cluster = { ...PROD, account: 'payments', accountId: '111111111111' };
    const source = scriptedSource({ prod: [snapshot(PROD, 'd1'), snapshot(PROD, 'd2')] });
    // Act
    const events = await firstValueFrom(monitorCluster(cluster, { source, logger, checkIntervalSeconds: FAST }).pipe(take(2), toArray()));
    // Assess
    expect(events.map((e) => [e.type, e.account, e.accountId, e.id.startsWith('payments/prod/')])).toEqual([
      ['MonitorStarted', 'payments', '111111111111', true],
      ['DeploymentStarted', 'payments', '111111111111', true],
    ]);
    expect(logger.entries.find((e) => e.msg === 'state')?.fields).toMatchObject({ account: 'payments', cluster: 'prod' });
  });
});

describe('monitorClusters over the ECS source', () => {
  const { client, ecs } = mockedEcs();
  afterEach(() => ecs.reset());

  it('builds the default ECS source from the ecs options', async () => {
    // Prepare
    ecs.on(DescribeServicesCommand).callsFake(describeFrom({ api: sdkService('api'), worker: sdkService('worker') }));
    // Act
    const first = await firstValueFrom(
      monitorCluster(PROD, {
        checkIntervalSeconds: FAST,
        ecs: { client, rateLimiter: freeLimiter(), serviceNamesOverride: ['api', 'worker'] },
      }),
    );
    // Assess
    expect(first).toMatchObject({ type: 'MonitorStarted', cluster: 'prod', serviceNames: ['api', 'worker'] });
  });
});
