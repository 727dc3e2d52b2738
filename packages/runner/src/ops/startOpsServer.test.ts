import { afterEach, describe, expect, it } from 'vitest';
import { createHealth } from './createHealth.js';
import { createMetrics } from './createMetrics.js';
import { startOpsServer } from './startOpsServer.js';
import type { OpsServer } from './startOpsServer.js';

let server: OpsServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('startOpsServer', () => {
  it('serves /metrics in Prometheus text format with the mona metrics', async () => {
    // Prepare
    const metrics = createMetrics();
    metrics.sweeps.inc({ cluster: 'prod', region: 'eu-west-1', result: 'success' });
    metrics.servicesMonitored.set({ cluster: 'prod', region: 'eu-west-1' }, 7);
    server = await startOpsServer(
      { port: 0, host: '127.0.0.1' },
      { metrics, health: createHealth([{ cluster: 'prod', region: 'eu-west-1' }], { checkIntervalSeconds: 10, now: Date.now }) },
    );

    // Act
    const res = await fetch(`http://127.0.0.1:${server.port}/metrics`);
    const text = await res.text();

    // Assess
    expect(res.status).toBe(200);
    expect(text).toContain('mona_sweeps_total{cluster="prod",region="eu-west-1",result="success"} 1');
    expect(text).toContain('mona_services_monitored{cluster="prod",region="eu-west-1"} 7');
    expect(text).toContain('# TYPE mona_delivery_latency_seconds histogram');
  });

  it('answers /readyz 503 before the first sweep and 404 for unknown paths', async () => {
    // Prepare
    const health = createHealth([{ cluster: 'prod', region: 'eu-west-1' }], { checkIntervalSeconds: 10, now: Date.now });
    server = await startOpsServer({ port: 0, host: '127.0.0.1' }, { metrics: createMetrics(), health });

    // Act
    const ready = await fetch(`http://127.0.0.1:${server.port}/readyz`);
    const healthz = await fetch(`http://127.0.0.1:${server.port}/healthz`);
    const unknown = await fetch(`http://127.0.0.1:${server.port}/nope`);

    // Assess
    expect([ready.status, healthz.status, unknown.status]).toEqual([503, 200, 404]);
  });

  it('shows each cluster with its region in /healthz and /readyz, the same name in two regions twice', async () => {
    // Prepare
    const health = createHealth(
      [
        { cluster: 'prod', region: 'eu-west-1' },
        { cluster: 'prod', region: 'us-east-1' },
      ],
      { checkIntervalSeconds: 10, now: () => 5_000 },
    );
    health.record({ kind: 'snapshot', cluster: 'prod', region: 'eu-west-1', observedAt: 0, services: [], missing: [] });
    server = await startOpsServer({ port: 0, host: '127.0.0.1' }, { metrics: createMetrics(), health });

    // Act
    const ready = await fetch(`http://127.0.0.1:${server.port}/readyz`);
    const healthz = await fetch(`http://127.0.0.1:${server.port}/healthz`);

    // Assess: one region swept is not the cluster swept
    expect(ready.status).toBe(503);
    expect(await ready.json()).toEqual({
      ready: false,
      clusters: [
        { cluster: 'prod', region: 'eu-west-1', swept: true, stale: false, lastGoodSweepAt: 5_000 },
        { cluster: 'prod', region: 'us-east-1', swept: false, stale: false },
      ],
    });
    expect(((await healthz.json()) as { clusters: unknown[] }).clusters).toHaveLength(2);
  });

  it('fails with MONA_HTTP_LISTEN_FAILED when the port is taken', async () => {
    // Prepare
    const parts = { metrics: createMetrics(), health: createHealth([], { checkIntervalSeconds: 1, now: Date.now }) };
    server = await startOpsServer({ port: 0, host: '127.0.0.1' }, parts);

    // Act
    const error = await startOpsServer({ port: server.port, host: '127.0.0.1' }, parts).catch((e: unknown) => e);

    // Assess
    expect((error as { code?: string }).code).toBe('MONA_HTTP_LISTEN_FAILED');
  });
});
