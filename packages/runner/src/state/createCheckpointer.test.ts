import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_MONITOR_CONFIG, reduce } from '@mona-ecs/core/pipeline';
import { createFileStore, type StateStore } from '@mona-ecs/core/state';
import { buildDeployment, buildService, buildSnapshot, recordingLogger } from '@mona-ecs/core/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCheckpointer } from './createCheckpointer.js';

let dir = '';
let store: StateStore;
const ref = { cluster: 'prod', region: 'eu-west-1' };
const at = (observedAt: number, deploymentId: string) =>
  buildSnapshot({
    ...ref,
    observedAt,
    services: [buildService({ name: 'api', deployments: [buildDeployment({ id: deploymentId, taskDefinition: `api:${deploymentId}` })] })],
  });

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mona-checkpointer-'));
  store = await createFileStore({ path: join(dir, 'state.json') });
});
afterEach(async () => {
  await store.close();
  await rm(dir, { recursive: true, force: true });
});

/** One run of the monitor: its reducer over `snapshots`, every event accepted at once. */
async function run(snapshots: ReturnType<typeof at>[], now: number, logger = recordingLogger()) {
  const checkpointer = createCheckpointer(store, { logger, now: () => now, staleAfterMs: 3_600_000 });
  await checkpointer.resume([ref]);
  const reducer = checkpointer.reducer(reduce);
  let state;
  const events = [];
  for (const snapshot of snapshots) {
    const result = reducer(state, snapshot, DEFAULT_MONITOR_CONFIG);
    state = result.state;
    for (const event of result.events) {
      events.push({ type: event.type, catchUp: checkpointer.isCatchUp(event) });
      checkpointer.accepted(event);
    }
  }
  await checkpointer.flush();
  return { events, logger };
}

describe('createCheckpointer', () => {
  it('resumes from the checkpoint: a deployment made while Mona was down is reported as caught up, no new baseline', async () => {
    // Prepare
    await run([at(1_000, 'd1')], 1_000);
    // Act
    const { events } = await run([at(60_000, 'd2')], 60_000);
    // Assess
    expect(events).toEqual([
      { type: 'DeploymentStarted', catchUp: true },
      { type: 'DeploymentCompleted', catchUp: true },
    ]);
  });

  it('takes a fresh baseline, and says so, when the saved state is older than staleAfterMs', async () => {
    await run([at(1_000, 'd1')], 1_000);
    const { events, logger } = await run([at(5_000_000, 'd2')], 5_000_000);
    expect(events).toEqual([{ type: 'MonitorStarted', catchUp: false }]);
    expect(logger.entries.some((e) => e.msg?.startsWith('saved state is stale'))).toBe(true);
  });

  it('does not checkpoint a sweep until its events were accepted, so a crash re-derives them', async () => {
    // Prepare
    const checkpointer = createCheckpointer(store, { logger: recordingLogger(), now: () => 1_000, staleAfterMs: 3_600_000 });
    const reducer = checkpointer.reducer(reduce);
    const first = reducer(undefined, at(1_000, 'd1'), DEFAULT_MONITOR_CONFIG);
    for (const event of first.events) checkpointer.accepted(event);
    await checkpointer.flush();
    // Act: the next sweep's events are never accepted (the process dies before the outbox).
    reducer(first.state, at(2_000, 'd2'), DEFAULT_MONITOR_CONFIG);
    await checkpointer.flush();
    // Assess
    expect((await store.checkpoints.load('eu-west-1/prod'))?.savedAt).toBe(1_000);
  });

  it("on a takeover starts from the store's checkpoint, not from this replica's older state, and marks catch-up only for an old checkpoint", async () => {
    // Prepare: this replica watched the cluster at d1; another replica then saved d2 (60 s ago)
    let now = 1_000;
    const checkpointer = createCheckpointer(store, { logger: recordingLogger(), now: () => now, staleAfterMs: 3_600_000 });
    const reducer = checkpointer.reducer(reduce);
    const own = reducer(undefined, at(1_000, 'd1'), DEFAULT_MONITOR_CONFIG);
    for (const event of own.events) checkpointer.accepted(event);
    await checkpointer.flush();
    checkpointer.forget(ref);
    await run([at(2_000, 'd1'), at(3_000, 'd2')], 3_000);
    now = 63_000;
    // Act
    await checkpointer.takeOver(ref, 30_000);
    const taken = reducer(own.state, at(63_000, 'd3'), DEFAULT_MONITOR_CONFIG);
    const another = createCheckpointer(store, { logger: recordingLogger(), now: () => now, staleAfterMs: 3_600_000 });
    await another.takeOver(ref, 120_000);
    const fresh = another.reducer(reduce)(undefined, at(63_500, 'd3'), DEFAULT_MONITOR_CONFIG);
    // Assess: from d2 (the store's), not d1 (its own): one deployment, d3, caught up (the checkpoint is 60 s old)
    expect(taken.events.map((e) => [e.id, checkpointer.isCatchUp(e)])).toEqual([
      ['prod/api/d3/DeploymentStarted', true],
      ['prod/api/d3/DeploymentCompleted', true],
    ]);
    // Another replica's takeover re-derives the same events (same ids: the ledger skips them), not
    // caught up: the checkpoint is younger than its threshold (a handover between live replicas).
    expect(fresh.events.map((e) => [e.id, another.isCatchUp(e)])).toEqual(taken.events.map((e) => [e.id, false]));
  });

  it('saves nothing for a cluster this replica no longer holds', async () => {
    // Prepare
    let holds = true;
    const checkpointer = createCheckpointer(store, {
      logger: recordingLogger(),
      now: () => 1_000,
      staleAfterMs: 3_600_000,
      mayWrite: () => holds,
    });
    const reducer = checkpointer.reducer(reduce);
    const first = reducer(undefined, at(1_000, 'd1'), DEFAULT_MONITOR_CONFIG);
    for (const event of first.events) checkpointer.accepted(event);
    await checkpointer.flush();
    // Act
    holds = false;
    const second = reducer(first.state, at(2_000, 'd2'), DEFAULT_MONITOR_CONFIG);
    for (const event of second.events) checkpointer.accepted(event);
    await checkpointer.flush();
    // Assess
    expect((await store.checkpoints.load('eu-west-1/prod'))?.savedAt).toBe(1_000);
  });

  it("saves a sweep once, not each of its parts, and marks the events of the first sweep's parts as caught up", async () => {
    // Prepare: a checkpoint at d1, then a restart whose first sweep lands in parts
    await run([at(1_000, 'd1')], 1_000);
    const checkpointer = createCheckpointer(store, { logger: recordingLogger(), now: () => 60_000, staleAfterMs: 3_600_000 });
    await checkpointer.resume([ref]);
    const reducer = checkpointer.reducer(reduce);
    // Act
    const part = reducer(undefined, { ...at(60_000, 'd2'), interim: true }, DEFAULT_MONITOR_CONFIG);
    for (const event of part.events) checkpointer.accepted(event);
    await checkpointer.flush();
    const afterPart = (await store.checkpoints.load('eu-west-1/prod'))?.savedAt;
    const whole = reducer(part.state, { ...at(60_000, 'd2'), streamed: true }, DEFAULT_MONITOR_CONFIG);
    for (const event of whole.events) checkpointer.accepted(event);
    await checkpointer.flush();
    // Assess
    expect(part.events.length).toBeGreaterThan(0);
    expect([...part.events, ...whole.events].every((e) => checkpointer.isCatchUp(e))).toBe(true);
    expect(afterPart).toBe(1_000);
    expect((await store.checkpoints.load('eu-west-1/prod'))?.savedAt).toBe(60_000);
  });
});
