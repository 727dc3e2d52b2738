import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDynalite, type LocalDynamo } from './support/startDynalite.js';
import { startMona } from './support/startMona.js';
import type { MonaProcess } from './support/startMona.js';
import { until } from './support/until.js';
import { startWorld, tally } from './support/world.js';
import type { World } from './support/world.js';

const LEASE_SECONDS = 3;
const INTERVAL_SECONDS = 0.5;

let world: World;
let dynamo: LocalDynamo;
const monas: MonaProcess[] = [];
let table = 0;

beforeAll(async () => {
  [world, dynamo] = await Promise.all([startWorld({ stepMs: 300 }), startDynalite()]);
});
afterAll(async () => {
  await Promise.all(monas.map((m) => m.kill().catch(() => undefined)));
  await Promise.all([world?.close(), dynamo?.close()]);
});

interface ClusterLine {
  cluster: string;
  held?: boolean;
  swept: boolean;
}

/** A replica: `mona run` on the shared table, with its ops server on a free port. */
class Replica {
  constructor(readonly process: MonaProcess) {}

  /** The ops server's port, from the "mona started" log line. */
  port(): number | undefined {
    const line = this.process
      .stdout()
      .split('\n')
      .find((l) => l.includes('"msg":"mona started"'));
    return line === undefined ? undefined : (JSON.parse(line) as { http?: number }).http;
  }

  async readyz(): Promise<{ status: number; clusters: ClusterLine[] }> {
    const response = await fetch(`http://127.0.0.1:${this.port()}/readyz`);
    return { status: response.status, clusters: ((await response.json()) as { clusters: ClusterLine[] }).clusters };
  }

  async metrics(): Promise<string> {
    return (await fetch(`http://127.0.0.1:${this.port()}/metrics`)).text();
  }

  /** The clusters this replica holds, by its /readyz (empty before its server is up). */
  held = async (): Promise<string[]> => {
    if (this.port() === undefined || this.process.exitCode() !== null) return [];
    return (await this.readyz()).clusters.filter((c) => c.held === true).map((c) => c.cluster);
  };
}

function startReplicas(n: number, overrides: Record<string, unknown> = {}, leaseSeconds = LEASE_SECONDS): Replica[] {
  table += 1;
  return Array.from({ length: n }, () => {
    const config = world.config({
      checkIntervalSeconds: INTERVAL_SECONDS,
      secondsUntilAlert: 60,
      logLevel: 'info',
      http: { port: 0 },
      senders: [{ plugin: '@mona-ecs/sender-slack', options: { webhookUrl: world.slack.url } }],
      state: dynamo.stateConfig(`mona-replicas-${table}`, leaseSeconds),
      ...overrides,
    });
    const mona = startMona(config);
    monas.push(mona);
    return new Replica(mona);
  });
}

/** Keeps `value` of `read()` fresh every 50 ms until stopped (reads against a replica being killed may fail). */
function watch<T>(read: () => Promise<T>): { current(): T | undefined; stop(): void } {
  let value: T | undefined;
  let stopped = false;
  void (async () => {
    while (!stopped) {
      value = await read().catch(() => value);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  })();
  return { current: () => value, stop: () => (stopped = true) };
}

const slackKeys = () => world.keys().slack;
const count = (key: string) => slackKeys().filter((k) => k === key).length;

describe('two replicas on one DynamoDB table', () => {
  it('report each notification once; after a kill -9 of the holder the other takes over within the lease plus one interval and reports the next deployment once', async () => {
    // Prepare
    world.slack.messages.length = 0;
    world.sim.createService('orders', { desiredCount: 2 });
    const replicas = startReplicas(2);
    const explain = () =>
      `\nslack: ${JSON.stringify(slackKeys())}\n${replicas.map((r) => r.process.stdout().slice(-2500) + r.process.stderr().slice(-1500)).join('\n---\n')}`;
    const holders = replicas.map((r) => watch(r.held));
    await until(
      () => holders.filter((h) => h.current()?.includes('default')).length === 1,
      'one replica holding the cluster',
      20_000,
      explain,
    );
    await until(() => count('MonitorStarted:-') === 1, 'the start-up message', 15_000, explain);
    const holder = replicas[holders.findIndex((h) => h.current()?.includes('default'))]!;
    const other = replicas.find((r) => r !== holder)!;
    world.sim.deploy('orders', { image: 'orders:2' });
    await until(() => count('DeploymentCompleted:orders') === 1, 'the first deployment reported', 30_000, explain);
    await new Promise((resolve) => setTimeout(resolve, 1_500)); // more sweeps and lease rounds of both: nothing else may come
    // Read after both replicas' rounds have seen each other (at start one may have been alone).
    const idle = await other.readyz();
    const holderMetrics = await holder.metrics();
    const otherMetrics = await other.metrics();

    // Act: kill -9 the holder; the other takes over; a second deployment
    await holder.process.kill();
    const killedAt = Date.now();
    const survivor = holders[replicas.indexOf(other)]!;
    await until(() => survivor.current()?.includes('default') === true, 'the other replica to take the cluster over', 20_000, explain);
    const takeoverMs = Date.now() - killedAt;
    world.sim.deploy('orders', { image: 'orders:3' });
    await until(() => count('DeploymentCompleted:orders') === 2, 'the second deployment reported', 30_000, explain);
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    for (const h of holders) h.stop();
    const exit = await other.process.stop();

    // Assess
    expect(idle.status).toBe(200); // holding nothing is healthy and ready
    expect(idle.clusters).toEqual([expect.objectContaining({ cluster: 'default', held: false })]);
    expect(holderMetrics).toMatch(/mona_cluster_lease_held\{cluster="default",region="us-east-1"\} 1/);
    expect(otherMetrics).toMatch(/mona_cluster_lease_held\{cluster="default",region="us-east-1"\} 0/);
    expect(holderMetrics).toMatch(/mona_replicas_live 2/);
    expect(tally(slackKeys())).toEqual({
      'MonitorStarted:-': 1,
      'DeploymentStarted:orders': 2,
      'DeploymentCompleted:orders': 2,
    });
    // The bound is the lease plus one interval; the rest absorbs the polling of /readyz and a loaded machine.
    expect(takeoverMs).toBeLessThan((LEASE_SECONDS + INTERVAL_SECONDS) * 1000 + 2_500);
    expect(other.process.stdout()).toContain('lease taken: watching this cluster');
    expect(exit).toBe(0);
    console.log(`replicas: takeover ${takeoverMs} ms after kill -9 (lease ${LEASE_SECONDS} s, interval ${INTERVAL_SECONDS} s)`);
  }, 120_000);

  it('split two clusters one each, and a clean stop hands its cluster over at once', async () => {
    // Prepare
    world.slack.messages.length = 0;
    world.sim.createService('blue-api', { cluster: 'blue', desiredCount: 1 });
    // A long lease: a handover much faster than it can only be the stopped replica's release.
    const replicas = startReplicas(2, { clusters: ['blue'] }, 60);
    const explain = () => replicas.map((r) => r.process.stdout().slice(-2000)).join('\n---\n');
    const holders = replicas.map((r) => watch(r.held));
    const split = () => holders.every((h) => h.current()?.length === 1);
    await until(split, 'each replica holding one cluster', 30_000, explain);
    const [first, second] = holders.map((h) => h.current()!);
    await until(() => count('MonitorStarted:-') === 2, 'one start-up message per cluster', 15_000, explain);

    // Act: a clean stop (its drain may take up to 10 s) releases its lease as it exits; the other
    // takes both at its next round instead of waiting for the 60 s lease to expire
    const exit = await replicas[0]!.process.stop();
    const exitedAt = Date.now();
    await until(() => holders[1]!.current()?.length === 2, 'the remaining replica holding both clusters', 20_000, explain);
    const handoverMs = Date.now() - exitedAt;
    for (const h of holders) h.stop();
    await replicas[1]!.process.stop();

    // Assess
    expect(exit).toBe(0);
    expect([...first!, ...second!].sort()).toEqual(['blue', 'default']);
    expect(count('MonitorStarted:-')).toBe(2);
    expect(handoverMs).toBeLessThan(15_000);
  }, 90_000);
});
