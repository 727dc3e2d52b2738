import { filter, firstValueFrom, from } from 'rxjs';
import { describe, expect, it } from 'vitest';
import { monitorCluster } from '../pipeline/monitorClusters.js';
import { buildSnapshot } from '../testing/builders.js';
import type { ClusterRef } from './snapshot.js';
import type { SnapshotSource } from './source.js';
import { SnapshotError } from './parseSweepOutcome.js';
import { validatedSource } from './validatedSource.js';

const PROD: ClusterRef = { cluster: 'prod', region: 'eu-west-1' };

/** A third-party source whose answers lack the service counts. */
const broken: SnapshotSource = {
  sweep: () => Promise.resolve({ ...buildSnapshot(), services: [{ name: 'api', status: 'ACTIVE' }] } as never),
};

describe('validatedSource', () => {
  it('passes a well-formed answer through', async () => {
    // Prepare
    const snapshot = buildSnapshot();
    const source = validatedSource({ sweep: () => Promise.resolve(snapshot) });
    // Act
    const outcome = await firstValueFrom(from(source.sweep(PROD, 0, new AbortController().signal)));
    // Assess
    expect(outcome).toBe(snapshot);
  });

  it('rejects a malformed answer with a SnapshotError naming the cluster, the field and the fix', async () => {
    // Prepare
    const source = validatedSource(broken);
    // Act
    const attempt = firstValueFrom(from(source.sweep(PROD, 7, new AbortController().signal)));
    // Assess
    await expect(attempt).rejects.toThrow(SnapshotError);
    await expect(firstValueFrom(from(source.sweep(PROD, 7, new AbortController().signal)))).rejects.toThrow(
      /snapshot source for cluster prod \(eu-west-1\) at tick 7 is not a valid snapshot: services\[0\] \(api\)\.arn is missing.*Writing a snapshot source/,
    );
  });

  it('makes the stream count a malformed answer as a failed sweep, never as zero tasks', async () => {
    // Prepare
    const events = monitorCluster(PROD, { source: broken, checkIntervalSeconds: 0.005, monitor: { degradedAfterFailures: 2 } });
    // Act
    const degraded = await firstValueFrom(events.pipe(filter((e) => e.type !== 'MonitorStarted')));
    // Assess
    expect(degraded).toMatchObject({ type: 'MonitorDegraded', failures: 2 });
    expect(degraded.type === 'MonitorDegraded' && degraded.reason).toContain('MONA_SNAPSHOT_INVALID');
  });
});
