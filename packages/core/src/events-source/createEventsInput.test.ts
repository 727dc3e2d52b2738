import { DeleteMessageBatchCommand, ReceiveMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import type { DeleteMessageBatchCommandInput, Message } from '@aws-sdk/client-sqs';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { firstValueFrom, from } from 'rxjs';
import type { Subscription } from 'rxjs';
import type { EnrichInput } from '../model/enricher.js';
import type { ClusterRef, SweepOutcome } from '../model/snapshot.js';
import type { Sweep } from '../pipeline/sweepTicks.js';
import { buildFailure, buildService, buildSnapshot } from '../testing/builders.js';
import { createEventsInput } from './createEventsInput.js';
import type { EventsInput } from './createEventsInput.js';
import { deploymentEvent, inSnsEnvelope, REGION, taskEvent } from './__fixtures__/ecsEvents.js';
import type { EventsHooks } from './EventsOptions.js';
import { TaskStopHints } from './TaskStopHints.js';

const PROD: ClusterRef = { cluster: 'prod', region: REGION };
const QUEUE_URL = 'https://sqs.eu-west-1.amazonaws.com/111122223333/mona-events';
const sqsMock = mockClient(SQSClient);

let n = 0;
const message = (body: unknown, id = `m${++n}`): Message => ({
  MessageId: id,
  ReceiptHandle: `${id}#${++n}`,
  Body: typeof body === 'string' ? body : JSON.stringify(body),
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Waits for `check` to hold, at most 3 s (bounded, never a timing assertion). */
async function until(check: () => boolean): Promise<void> {
  for (let i = 0; i < 300 && !check(); i += 1) await sleep(10);
  expect(check()).toBe(true);
}

/** Receives answer these batches (or errors) in turn, then empty long polls (an empty batch is one too); deletes succeed. */
function scriptQueue(batches: Array<Message[] | Error>): DeleteMessageBatchCommandInput[] {
  const deletes: DeleteMessageBatchCommandInput[] = [];
  let i = 0;
  sqsMock.on(ReceiveMessageCommand).callsFake(async () => {
    const next = batches[i];
    i += 1;
    if (next === undefined || (Array.isArray(next) && next.length === 0)) {
      await sleep(20);
      return {};
    }
    if (next instanceof Error) throw next;
    return { Messages: next };
  });
  sqsMock.on(DeleteMessageBatchCommand).callsFake((input: DeleteMessageBatchCommandInput) => {
    deletes.push(input);
    return { Successful: (input.Entries ?? []).map((e) => ({ Id: e.Id })), Failed: [] };
  });
  return deletes;
}

const deletedHandles = (deletes: DeleteMessageBatchCommandInput[]) => deletes.flatMap((d) => (d.Entries ?? []).map((e) => e.ReceiptHandle));

interface World {
  input: EventsInput;
  described: string[][];
  sweeps: Sweep[];
  notices: EnrichInput[];
  intervals: number[];
  hints: TaskStopHints;
}

let subscriptions: Subscription[] = [];

/** The events input over the mocked queue and a source that describes the names it is given, except `unreadable` ones. */
function start(
  options: {
    unreadable?: (names: readonly string[], call: number) => readonly string[] | 'fail';
    hooks?: EventsHooks;
    now?: () => number;
    holds?: (ref: ClusterRef) => boolean;
  } = {},
): World {
  const described: string[][] = [];
  const hints = new TaskStopHints();
  const source = {
    describe: (ref: ClusterRef, names: readonly string[]): Promise<SweepOutcome> => {
      described.push([...names]);
      const gone = options.unreadable?.(names, described.length) ?? [];
      if (gone === 'fail') return Promise.resolve(buildFailure({ cluster: ref.cluster, region: ref.region }));
      const services = names.filter((name) => !gone.includes(name)).map((name) => buildService({ name }));
      return Promise.resolve(buildSnapshot({ cluster: ref.cluster, region: ref.region, services, interim: true }));
    },
    ...(options.holds ? { holds: options.holds } : {}),
  };
  const input = createEventsInput(
    {
      sqsQueueUrl: QUEUE_URL,
      client: new SQSClient({ region: REGION }),
      windowMs: 10,
      retryDelayMs: 5,
      reconcileIntervalSeconds: 60,
      hints,
      ...(options.hooks ? { hooks: options.hooks } : {}),
    },
    { clusters: [PROD], source, checkIntervalSeconds: 5, degradedAfterFailures: 2, ...(options.now ? { now: options.now } : {}) },
  );
  const world: World = { input, described, sweeps: [], notices: [], intervals: [], hints };
  subscriptions.push(
    input.sweeps$.subscribe((s) => world.sweeps.push(s)),
    input.notices$.subscribe((x) => world.notices.push(x)),
    input.intervalSeconds$.subscribe((s) => world.intervals.push(s)),
  );
  return world;
}

/** The cluster's first complete sweep, through the guarded source: dirty describes may start. */
async function baseline(world: World): Promise<void> {
  const guarded = world.input.guard({ sweep: (ref) => Promise.resolve(buildSnapshot({ cluster: ref.cluster, region: ref.region })) });
  await firstValueFrom(from(guarded.sweep(PROD, 0, new AbortController().signal)));
}

beforeEach(() => sqsMock.reset());
afterEach(() => {
  for (const s of subscriptions) s.unsubscribe();
  subscriptions = [];
});

describe('createEventsInput', () => {
  it('long-polls for 10 messages for 20 s and deletes only what it handled', async () => {
    // Prepare
    const ok = message(deploymentEvent('prod', 'api'));
    const unread = message(taskEvent('prod', 'service:broken'));
    const deletes = scriptQueue([[ok, unread]]);
    const world = start({ unreadable: () => ['broken'] });
    await baseline(world);

    // Act
    await until(() => deletes.length === 1 && world.input.stats().kept === 1);

    // Assess
    expect(sqsMock.commandCalls(ReceiveMessageCommand)[0]?.args[0].input).toMatchObject({
      QueueUrl: QUEUE_URL,
      MaxNumberOfMessages: 10,
      WaitTimeSeconds: 20,
    });
    expect(world.described).toEqual([['api', 'broken']]);
    expect(deletedHandles(deletes)).toEqual([ok.ReceiptHandle]);
    expect(world.sweeps.map((s) => s.outcome.kind === 'snapshot' && s.outcome.interim)).toEqual([true]);
    expect(world.input.stats()).toMatchObject({ hints: 2, retried: 1, deleted: 1, kept: 1 });
  });

  it('handles a message again when its visibility timeout brings it back, and deletes it then', async () => {
    const first = message(deploymentEvent('prod', 'api'), 'same');
    const again = message(deploymentEvent('prod', 'api'), 'same');
    const deletes = scriptQueue([[first], [], [], [], [again]]);
    const world = start({ unreadable: (_, call) => (call === 1 ? 'fail' : []) });
    await baseline(world);

    await until(() => world.described.length === 2);
    await until(() => deletes.length === 1);

    expect(world.described).toEqual([['api'], ['api']]);
    expect(deletedHandles(deletes)).toEqual([again.ReceiptHandle]);
  });

  it('leaves a message about a cluster the source does not hold on the queue, undescribed, for the replica that does', async () => {
    const held = message(deploymentEvent('prod', 'api'), 'h1');
    const deletes = scriptQueue([[held], [], [], [], [held]]);
    let holding = false;
    const world = start({ holds: () => holding });
    await baseline(world);

    await until(() => world.input.stats().retried === 1);
    holding = true;
    await until(() => deletes.length === 1);

    expect(world.described).toEqual([['api']]);
    expect(deletedHandles(deletes)).toEqual([held.ReceiptHandle]);
  });

  it('deletes and counts malformed messages, events of unwatched clusters and foreign events, and reads SNS envelopes', async () => {
    const messages = [
      message('not json'),
      message(deploymentEvent('staging', 'api')),
      message({ ...deploymentEvent('prod', 'api'), source: 'aws.ec2' }),
      message(inSnsEnvelope(deploymentEvent('prod', 'api'))),
    ];
    const deletes = scriptQueue([messages]);
    const results: string[] = [];
    const world = start({ hooks: { onMessage: (result) => results.push(result) } });
    await baseline(world);

    await until(() => deletes.length === 1);

    expect(results.sort()).toEqual(['hint', 'ignored', 'malformed', 'unwatched']);
    expect(deletedHandles(deletes)).toEqual(messages.map((m) => m.ReceiptHandle));
    expect(world.described).toEqual([['api']]);
    expect(world.input.stats()).toMatchObject({ malformed: 1, unwatched: 1, ignored: 1, hints: 1 });
  });

  it('describes duplicates of one service once, and deletes both', async () => {
    const copies = [message(taskEvent('prod', 'service:api')), message(taskEvent('prod', 'service:api'))];
    const deletes = scriptQueue([copies]);
    const world = start();
    await baseline(world);

    await until(() => deletes.length === 1);

    expect(world.described).toEqual([['api']]);
    expect(deletedHandles(deletes)).toHaveLength(2);
  });

  it('describes nothing before the cluster baseline, then what was marked meanwhile', async () => {
    const deletes = scriptQueue([[message(deploymentEvent('prod', 'api'))]]);
    const world = start();
    await sleep(150);
    expect(world.described).toEqual([]);
    expect(deletes).toEqual([]);

    await baseline(world);
    await until(() => deletes.length === 1);

    expect(world.described).toEqual([['api']]);
  });

  it('keeps the stop reason and exit codes of a stopped task for the enrichment', async () => {
    scriptQueue([[message(taskEvent('prod', 'service:api'))]]);
    const world = start();
    await baseline(world);

    await until(() => world.hints.stoppedSince(PROD, 'api', 0).length === 1);

    expect(world.hints.stoppedSince(PROD, 'api', 0)[0]).toMatchObject({
      stoppedReason: 'Essential container in task exited',
      containers: [{ exitCode: 137 }],
    });
  });

  it('says once that the queue is unreachable, polls at the normal interval, and says when events flow again', async () => {
    const down = Object.assign(new Error('Service Unavailable'), { name: 'ServiceUnavailable' });
    scriptQueue([down, down, down, down, [message(deploymentEvent('prod', 'api'))]]);
    const up: boolean[] = [];
    const world = start({ hooks: { onReceive: (ok) => up.push(ok) } });
    await baseline(world);

    await until(() => world.notices.length === 2);
    expect(up.slice(0, 5)).toEqual([false, false, false, false, true]);

    expect(world.notices.map((x) => x.event.type)).toEqual(['MonitorDegraded', 'MonitorRecovered']);
    expect(world.notices[0]?.event).toMatchObject({ cluster: 'sqs:mona-events', region: REGION, failures: 2 });
    expect(world.notices[1]?.event).toMatchObject({ cluster: 'sqs:mona-events', failedSweeps: 4 });
    expect(world.intervals).toEqual([60, 5, 60]);
    expect(world.input.stats()).toMatchObject({ receiveErrors: 4, degraded: false });
  });

  it('drops from a sweep a service that a describe which started later already read', async () => {
    scriptQueue([[message(deploymentEvent('prod', 'api'))]]);
    const world = start();
    await baseline(world);
    let finishSweep: (o: SweepOutcome) => void = () => {};
    const guarded = world.input.guard({ sweep: () => new Promise<SweepOutcome>((resolve) => (finishSweep = resolve)) });
    const sweep = firstValueFrom(from(guarded.sweep(PROD, 1, new AbortController().signal)));
    await until(() => world.sweeps.length === 1);

    finishSweep(buildSnapshot({ services: [buildService({ name: 'api' }), buildService({ name: 'web' })] }));
    const outcome = await sweep;

    expect(outcome.kind === 'snapshot' && outcome.services.map((s) => s.name)).toEqual(['web']);
    expect(outcome.kind === 'snapshot' && outcome.partial).toBe(true);
  });

  it('spaces full sweeps so they take at most 8 % of the time, between reconcileIntervalSeconds and 900 s', async () => {
    // Prepare: sweeps of 3 s, 54 s and 200 s on a fake clock
    scriptQueue([]);
    let clock = 0;
    const world = start({ now: () => clock });
    const sweepOf = (seconds: number) =>
      world.input.guard({
        sweep: (ref) => {
          clock += seconds * 1000;
          return Promise.resolve(buildSnapshot({ cluster: ref.cluster, region: ref.region }));
        },
      });
    // Act
    for (const seconds of [3, 54, 200]) await firstValueFrom(from(sweepOf(seconds).sweep(PROD, 1, new AbortController().signal)));
    // Assess: 60 (the floor, at start and after 3 s), 675 after 54 s, 900 (the most) after 200 s
    expect(world.intervals).toEqual([60, 675, 900]);
  });
});
