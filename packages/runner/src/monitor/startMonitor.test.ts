import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { ECSClient } from '@aws-sdk/client-ecs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ClusterSnapshot, EnrichInput, SnapshotSource } from '@mona-ecs/core/ecs';
import { scriptedSource } from '@mona-ecs/core/testing';
import { parseConfig } from '../config/loadConfig.js';
import { createLogger } from '../logging/createLogger.js';
import { startMonitor } from './startMonitor.js';
import type { RunningMonitor } from './startMonitor.js';

const configPath = fileURLToPath(new URL('../__fixtures__/mona.json', import.meta.url));
const recorded = () => ((globalThis as Record<symbol, Array<Record<string, unknown>>>)[Symbol.for('mona.test.recording')] ??= []);

const snapshot: ClusterSnapshot = {
  kind: 'snapshot',
  cluster: 'prod',
  region: 'eu-west-1',
  observedAt: 1_700_000_000_000,
  services: [
    {
      name: 'api',
      arn: 'arn:aws:ecs:eu-west-1:123456789012:service/prod/api',
      status: 'ACTIVE',
      desiredCount: 2,
      runningCount: 2,
      pendingCount: 0,
      deployments: [
        {
          id: 'ecs-svc/1',
          status: 'PRIMARY',
          taskDefinition: 'arn:aws:ecs:eu-west-1:123456789012:task-definition/api:1',
          desiredCount: 2,
          runningCount: 2,
          pendingCount: 0,
          failedTasks: 0,
          createdAt: 1_699_999_000_000,
          updatedAt: 1_699_999_100_000,
          rolloutState: 'COMPLETED',
        },
      ],
      events: [],
    },
  ],
  missing: [],
};

/** The next tick: a new PRIMARY deployment of api, so the reducer emits DeploymentStarted. */
const deploying: ClusterSnapshot = {
  ...snapshot,
  observedAt: snapshot.observedAt + 1_000,
  services: snapshot.services.map((service) => ({
    ...service,
    deployments: [
      {
        ...service.deployments[0]!,
        id: 'ecs-svc/2',
        status: 'PRIMARY',
        runningCount: 0,
        rolloutState: 'IN_PROGRESS',
        taskDefinition: 'arn:aws:ecs:eu-west-1:123456789012:task-definition/api:2',
        createdAt: snapshot.observedAt + 500,
        updatedAt: snapshot.observedAt + 500,
      },
      { ...service.deployments[0]!, status: 'ACTIVE' },
    ],
  })),
};

function capture() {
  const lines: string[] = [];
  return {
    lines,
    logger: (secrets: string[]) => createLogger({ level: 'debug', destination: { write: (l: string) => lines.push(l) }, secrets }),
  };
}

async function until(check: () => boolean | Promise<boolean>): Promise<void> {
  for (let i = 0; i < 500; i += 1) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error('condition not reached in 5 s');
}

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as { port: number };
  await new Promise<void>((r) => server.close(() => r()));
  return port;
}

const metricValue = async (monitor: RunningMonitor, name: string) =>
  (await monitor.metrics.registry.getSingleMetric(name)?.get())?.values ?? [];

let monitor: RunningMonitor | undefined;
beforeEach(() => {
  recorded().length = 0;
});
afterEach(async () => {
  await monitor?.stop();
  monitor = undefined;
});

describe('startMonitor', () => {
  it('delivers a pending notification on stop before closing the senders', async () => {
    // Prepare
    const config = parseConfig(
      JSON.stringify({
        ecsCluster: 'prod',
        AWSRegion: 'eu-west-1',
        senders: [{ plugin: './plugins/recording.mjs', options: { channel: '#slow', delayMs: 200 } }],
      }),
      { configPath, env: {} },
    );
    const logs = capture();
    monitor = await startMonitor(config, { logger: logs.logger([]), source: scriptedSource({ prod: [snapshot] }) });
    await until(async () => (await metricValue(monitor!, 'mona_events_total')).length > 0);

    // Act
    await monitor.stop();

    // Assess
    const entries = recorded();
    expect(entries.map((e) => (e['notification'] ? 'sent' : 'closed'))).toEqual(['sent', 'closed']);
    expect((entries[0]?.['notification'] as { event: { type: string } }).event.type).toBe('MonitorStarted');
    const delivered = await metricValue(monitor, 'mona_notifications_total');
    expect(delivered).toEqual([
      expect.objectContaining({ value: 1, labels: { sender: 'senders[0]:./plugins/recording.mjs', result: 'delivered' } }),
    ]);
  });

  it('delivers an event that was being enriched when stop was called', async () => {
    // Prepare
    let enriching: () => void = () => {};
    const started = new Promise<void>((resolve) => (enriching = resolve));
    const enricher = {
      enrich: async ({ event }: EnrichInput) => {
        if (event.type === 'DeploymentStarted') enriching();
        await new Promise((r) => setTimeout(r, 300));
        return { deployedBy: 'arn:aws:iam::123456789012:user/alice' };
      },
    };
    const config = parseConfig(
      JSON.stringify({
        ecsCluster: 'prod',
        AWSRegion: 'eu-west-1',
        checkIntervalSeconds: 0.05,
        senders: [{ plugin: './plugins/recording.mjs', options: { channel: '#deploys' }, events: ['deploy'] }],
      }),
      { configPath, env: {} },
    );
    monitor = await startMonitor(config, {
      logger: capture().logger([]),
      source: scriptedSource({ prod: [snapshot, deploying] }),
      enricher,
    });
    await started;

    // Act
    await monitor.stop();

    // Assess
    const sent = recorded().filter((e) => e['notification']);
    expect(sent.map((e) => (e['notification'] as { event: { type: string; context?: unknown } }).event)).toEqual([
      expect.objectContaining({ type: 'DeploymentStarted', context: { deployedBy: 'arn:aws:iam::123456789012:user/alice' } }),
    ]);
  });

  it('routes only to the senders whose filters accept the event', async () => {
    // Prepare
    const config = parseConfig(
      JSON.stringify({
        ecsCluster: 'prod',
        AWSRegion: 'eu-west-1',
        senders: [
          { plugin: './plugins/recording.mjs', options: { channel: '#all' } },
          { plugin: './plugins/recording.mjs', options: { channel: '#failures' }, events: ['deployFailed'] },
          // A sender routed to a cluster nobody watches is now a config error; a service glob still filters.
          { plugin: './plugins/recording.mjs', options: { channel: '#web' }, services: ['web-*'] },
        ],
      }),
      { configPath, env: {} },
    );
    monitor = await startMonitor(config, { logger: capture().logger([]), source: scriptedSource({ prod: [snapshot] }) });
    await until(async () => (await metricValue(monitor!, 'mona_events_total')).length > 0);

    // Act
    await monitor.stop();

    // Assess
    const channels = recorded()
      .filter((e) => e['notification'])
      .map((e) => e['channel']);
    // MonitorStarted is cluster-level: service globs let it through, the events filter does not.
    expect(channels.sort()).toEqual(['#all', '#web']);
  });

  it('never logs a secret from the environment, even in delivery errors', async () => {
    // Prepare
    const secret = 'tok-9f8e7d6c5b4a';
    const config = parseConfig(
      JSON.stringify({
        ecsCluster: 'prod',
        AWSRegion: 'eu-west-1',
        delivery: { maxAttempts: 1 },
        senders: [{ plugin: './plugins/recording.mjs', options: { channel: '#x', token: '${env:HOOK_TOKEN}', failWith: 'HTTP 403' } }],
      }),
      { configPath, env: { HOOK_TOKEN: secret } },
    );
    const logs = capture();
    monitor = await startMonitor(config, { logger: logs.logger(config.secrets), source: scriptedSource({ prod: [snapshot] }) });
    await until(async () => (await metricValue(monitor!, 'mona_notifications_total')).length > 0);

    // Act
    await monitor.stop();

    // Assess
    const all = logs.lines.join('');
    expect(all).toContain('HTTP 403');
    expect(all).toContain('[redacted]');
    expect(all).not.toContain(secret);
  });

  it('serves /metrics with sweeps, events and services monitored', async () => {
    // Prepare: a service being deleted rides along in the snapshot, and is not monitored
    const config = parseConfig(JSON.stringify({ ecsCluster: 'prod', AWSRegion: 'eu-west-1', http: { port: 0 } }), { configPath, env: {} });
    const draining = { ...snapshot.services[0]!, name: 'old', status: 'DRAINING', deployments: [] };
    const withDraining: ClusterSnapshot = { ...snapshot, services: [...snapshot.services, draining], missing: ['old'] };
    monitor = await startMonitor(config, { logger: capture().logger([]), source: scriptedSource({ prod: [withDraining] }) });
    const base = `http://127.0.0.1:${monitor.server!.port}`;
    await until(async () => (await fetch(`${base}/readyz`)).status === 200);

    // Act
    const text = await (await fetch(`${base}/metrics`)).text();

    // Assess
    const samples = new Map(
      text
        .split('\n')
        .filter((line) => line !== '' && !line.startsWith('#'))
        .map((line) => [line.slice(0, line.lastIndexOf(' ')), Number(line.slice(line.lastIndexOf(' ') + 1))]),
    );
    expect(samples.get('mona_sweeps_total{cluster="prod",region="eu-west-1",result="success"}')).toBeGreaterThanOrEqual(1);
    expect(samples.get('mona_events_total{type="MonitorStarted"}')).toBe(1);
    expect(samples.get('mona_services_monitored{cluster="prod",region="eu-west-1"}')).toBe(1);
    expect(samples.get('mona_last_good_sweep_timestamp_seconds{cluster="prod",region="eu-west-1"}')).toBeGreaterThan(1_600_000_000);
    expect(samples.get('mona_sweep_duration_seconds_count{cluster="prod",region="eu-west-1"}')).toBeGreaterThanOrEqual(1);
  });

  it('labels the metrics and the health lines of a cluster of another account with its account', async () => {
    // Prepare
    const config = parseConfig(
      JSON.stringify({ clusters: [{ name: 'prod', account: 'payments' }], AWSRegion: 'eu-west-1', http: { port: 0 } }),
      { configPath, env: {} },
    );
    monitor = await startMonitor(config, { logger: capture().logger([]), source: scriptedSource({ prod: [snapshot] }) });
    const base = `http://127.0.0.1:${monitor.server!.port}`;
    await until(async () => (await fetch(`${base}/readyz`)).status === 200);
    // Act
    const text = await (await fetch(`${base}/metrics`)).text();
    const health = (await (await fetch(`${base}/healthz`)).json()) as { clusters: Array<Record<string, unknown>> };
    // Assess
    expect(text).toContain('mona_sweeps_total{account="payments",cluster="prod",region="eu-west-1",result="success"}');
    expect(text).toContain('mona_services_monitored{account="payments",cluster="prod",region="eu-west-1"} 1');
    expect(health.clusters).toEqual([expect.objectContaining({ account: 'payments', cluster: 'prod', region: 'eu-west-1', swept: true })]);
  });

  it('turns /healthz to 503 when ECS is unreachable for longer than 3 intervals + 30 s', async () => {
    // Prepare
    const clock = { now: Date.now() };
    const port = await closedPort();
    const client = new ECSClient({
      region: 'eu-west-1',
      endpoint: `http://127.0.0.1:${port}`,
      credentials: { accessKeyId: 'AKIDTEST', secretAccessKey: 'test' },
      maxAttempts: 1,
    });
    const config = parseConfig(JSON.stringify({ ecsCluster: 'prod', AWSRegion: 'eu-west-1', http: { port: 0 } }), { configPath, env: {} });
    monitor = await startMonitor(config, { logger: capture().logger([]), now: () => clock.now, ecs: { client } });
    const base = `http://127.0.0.1:${monitor.server!.port}`;
    await until(async () => (await fetch(`${base}/readyz`)).status === 200);
    const warmingUp = (await fetch(`${base}/healthz`)).status;

    // Act
    clock.now += 61_000;
    const res = await fetch(`${base}/healthz`);

    // Assess
    expect(warmingUp).toBe(200);
    expect(res.status).toBe(503);
    expect(await res.json()).toMatchObject({ healthy: false, clusters: [{ cluster: 'prod', stale: true, swept: true }] });
    const calls = await metricValue(monitor, 'mona_ecs_api_calls_total');
    expect(calls).toContainEqual(expect.objectContaining({ labels: { action: 'ListServices', result: 'error' } }));
    client.destroy();
  });

  it('with ECS events on, counts staleness in reconciliation intervals and reports the queue down in /metrics', async () => {
    // Prepare: ECS and the queue on a closed loopback port (never AWS)
    const clock = { now: Date.now() };
    const port = await closedPort();
    const endpoint = `http://127.0.0.1:${port}`;
    const client = new ECSClient({
      region: 'eu-west-1',
      endpoint,
      credentials: { accessKeyId: 'AKIDTEST', secretAccessKey: 'test' },
      maxAttempts: 1,
    });
    const config = parseConfig(
      JSON.stringify({
        ecsCluster: 'prod',
        AWSRegion: 'eu-west-1',
        http: { port: 0 },
        events: { sqsQueueUrl: `${endpoint}/123456789012/mona-events`, endpoint },
        reconcileIntervalSeconds: 60,
        maxReconcileIntervalSeconds: 60,
      }),
      { configPath, env: {} },
    );
    monitor = await startMonitor(config, { logger: capture().logger([]), now: () => clock.now, ecs: { client } });
    const base = `http://127.0.0.1:${monitor.server!.port}`;
    await until(async () => (await fetch(`${base}/readyz`)).status === 200);
    await until(async () => (await metricValue(monitor!, 'mona_ecs_events_queue_up'))[0]?.value === 0);

    // Act
    clock.now += 61_000;
    const withinThreeReconciliations = (await fetch(`${base}/healthz`)).status;
    clock.now += 150_000;
    const past = (await fetch(`${base}/healthz`)).status;

    // Assess
    expect(withinThreeReconciliations).toBe(200);
    expect(past).toBe(503);
    client.destroy();
  });

  it('passes events through the enricher before formatting, unless enrichment is disabled', async () => {
    // Prepare
    const enricher = { enrich: async () => ({ deployedBy: 'arn:aws:iam::123456789012:user/alice' }) };
    const configFor = (enabled: boolean) =>
      parseConfig(
        JSON.stringify({
          ecsCluster: 'prod',
          AWSRegion: 'eu-west-1',
          checkIntervalSeconds: 1,
          enrichment: { enabled },
          senders: [{ plugin: './plugins/recording.mjs', options: { channel: String(enabled) }, events: ['deploy'] }],
          // Both runs see the same deployment: with state, the second would rightly not repeat it.
          state: false,
        }),
        { configPath, env: {} },
      );

    // Act
    for (const enabled of [true, false]) {
      const running = await startMonitor(configFor(enabled), {
        logger: capture().logger([]),
        source: scriptedSource({ prod: [snapshot, deploying] }),
        enricher,
      });
      await until(async () => (await metricValue(running, 'mona_notifications_total')).length > 0);
      await running.stop();
    }

    // Assess
    const contexts = recorded()
      .filter((e) => e['notification'])
      .map((e) => [e['channel'], (e['notification'] as { event: { context?: unknown } }).event.context]);
    expect(contexts).toEqual([
      ['true', { deployedBy: 'arn:aws:iam::123456789012:user/alice' }],
      ['false', undefined],
    ]);
  });

  it('closes already created senders when the ops port is taken', async () => {
    // Prepare
    const config = parseConfig(JSON.stringify({ ecsCluster: 'prod', AWSRegion: 'eu-west-1', http: { port: 0 } }), { configPath, env: {} });
    const first = await startMonitor(config, { logger: capture().logger([]), source: scriptedSource({ prod: [snapshot] }) });
    monitor = first;
    const taken = parseConfig(
      JSON.stringify({
        ecsCluster: 'prod',
        AWSRegion: 'eu-west-1',
        http: { port: first.server!.port },
        senders: [{ plugin: './plugins/recording.mjs', options: { channel: '#c' } }],
        // A second monitor on the first one's state file would stop at the file's lock instead.
        state: false,
      }),
      { configPath, env: {} },
    );

    // Act
    const error = await startMonitor(taken, {
      logger: capture().logger([]),
      source: scriptedSource({ prod: [snapshot] }) as SnapshotSource,
    }).catch((e: unknown) => e);

    // Assess
    expect((error as { code?: string }).code).toBe('MONA_HTTP_LISTEN_FAILED');
    expect(recorded()).toEqual([{ channel: '#c', closed: true }]);
  });
});
