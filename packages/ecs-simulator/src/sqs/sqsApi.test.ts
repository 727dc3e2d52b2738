import { DeleteMessageBatchCommand, DeleteMessageCommand, GetQueueAttributesCommand, ReceiveMessageCommand } from '@aws-sdk/client-sqs';
import type { Message, SQSClient } from '@aws-sdk/client-sqs';
import { afterEach, describe, expect, it } from 'vitest';
import { startSimulator } from '../startSimulator.js';
import { sqsClient } from '../__fixtures__/clients.js';
import type { Simulator } from '../Simulator.js';
import type { StartSimulatorOptions } from '../startSimulator.js';

let sim: Simulator | undefined;
let sqs: SQSClient | undefined;

async function start(options: StartSimulatorOptions = {}): Promise<{ sim: Simulator; sqs: SQSClient }> {
  sim = await startSimulator({ startTime: Date.UTC(2025, 0, 1), ecsEvents: true, ...options });
  sqs = sqsClient(sim);
  return { sim, sqs };
}

afterEach(async () => {
  sqs?.destroy();
  await sim?.close();
  sim = undefined;
  sqs = undefined;
});

async function receive(client: SQSClient, url: string, wait = 0): Promise<Message[]> {
  const out = await client.send(new ReceiveMessageCommand({ QueueUrl: url, MaxNumberOfMessages: 10, WaitTimeSeconds: wait }));
  return out.Messages ?? [];
}

/** Receives until the queue answers empty (bounded), deleting nothing. */
async function drain(client: SQSClient, url: string): Promise<Message[]> {
  const all: Message[] = [];
  for (let i = 0; i < 50; i += 1) {
    const batch = await receive(client, url);
    if (batch.length === 0) break;
    all.push(...batch);
  }
  return all;
}

const detailOf = (m: Message) => JSON.parse(m.Body ?? '{}') as { 'detail-type': string; detail: Record<string, unknown> };

describe('SQS JSON protocol', () => {
  it('answers a long poll as soon as a change puts an event on the queue, with a body the SDK checks against MD5OfBody', async () => {
    // Prepare
    const { sim, sqs } = await start({ clock: 'real', stepMs: 60_000 });
    sim.createService('api');
    const startedAt = Date.now();
    setTimeout(() => sim.deploy('api', { image: 'api:2' }), 200);

    // Act
    const messages = await receive(sqs, sim.queue.url, 5);

    // Assess
    expect(Date.now() - startedAt).toBeLessThan(4_000);
    expect(messages.map((m) => detailOf(m).detail['eventName'])).toContain('SERVICE_DEPLOYMENT_IN_PROGRESS');
    expect(messages[0]?.ReceiptHandle).toBeTruthy();
  });

  it('answers an empty long poll with no messages once the wait time is over', async () => {
    const { sim, sqs } = await start();
    const startedAt = Date.now();

    const messages = await receive(sqs, sim.queue.url, 1);

    expect(messages).toEqual([]);
    expect(Date.now() - startedAt).toBeGreaterThanOrEqual(900);
  });

  it('deletes what DeleteMessageBatch names and gives back the rest after the visibility timeout', async () => {
    // Prepare
    const { sim, sqs } = await start();
    sim.createService('api');
    sim.crashTasks('api', 2);
    const first = await receive(sqs, sim.queue.url);
    expect(first).toHaveLength(2);
    const [kept, deleted] = first as [Message, Message];

    // Act
    const out = await sqs.send(
      new DeleteMessageBatchCommand({
        QueueUrl: sim.queue.url,
        Entries: [
          { Id: 'a', ReceiptHandle: deleted.ReceiptHandle },
          { Id: 'b', ReceiptHandle: 'bogus' },
        ],
      }),
    );
    const hidden = await receive(sqs, sim.queue.url);
    sim.advance(31_000);
    const back = await drain(sqs, sim.queue.url);

    // Assess
    expect(out.Successful?.map((e) => e.Id)).toEqual(['a']);
    expect(out.Failed?.map((e) => [e.Id, e.Code])).toEqual([['b', 'ReceiptHandleIsInvalid']]);
    expect(hidden).toEqual([]);
    expect(back.map((m) => m.MessageId)).toContain(kept.MessageId);
    expect(back.map((m) => m.MessageId)).not.toContain(deleted.MessageId);
    expect(back.find((m) => m.MessageId === kept.MessageId)?.Attributes?.['ApproximateReceiveCount']).toBe('2');
  });

  it('deletes one message with DeleteMessage and reports the queue depth in GetQueueAttributes', async () => {
    const { sim, sqs } = await start();
    sim.createService('api');
    sim.crashTasks('api', 1);
    const [message] = await receive(sqs, sim.queue.url);

    const before = await sqs.send(new GetQueueAttributesCommand({ QueueUrl: sim.queue.url, AttributeNames: ['All'] }));
    await sqs.send(new DeleteMessageCommand({ QueueUrl: sim.queue.url, ReceiptHandle: message?.ReceiptHandle }));
    const after = await sqs.send(new GetQueueAttributesCommand({ QueueUrl: sim.queue.url, AttributeNames: ['All'] }));

    expect(before.Attributes?.['ApproximateNumberOfMessagesNotVisible']).toBe('1');
    expect(after.Attributes?.['ApproximateNumberOfMessagesNotVisible']).toBe('0');
    expect(after.Attributes?.['QueueArn']).toBe('arn:aws:sqs:us-east-1:123456789012:mona-events');
    expect(sim.queue.stats().deleted).toBe(1);
  });

  it('answers QueueDoesNotExist for another queue URL, as SQS does', async () => {
    const { sim, sqs } = await start();

    const error = await receive(sqs, `${sim.url}/123456789012/other`).catch((e: unknown) => e);

    expect((error as Error).name).toBe('QueueDoesNotExist');
  });

  it('answers 503 to every call during an outage and serves messages again after it', async () => {
    const { sim, sqs } = await start();
    sim.createService('api');
    sim.setQueueKnobs({ outage: true });
    sim.crashTasks('api', 1);

    const error = await receive(sqs, sim.queue.url).catch((e: unknown) => e);
    sim.setQueueKnobs({ outage: false });
    const after = await receive(sqs, sim.queue.url);

    expect((error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode).toBe(503);
    expect(after).toHaveLength(1);
  });
});

describe('queue knobs', () => {
  it('puts every event twice with duplicateRate 1 and none with lossRate 1', async () => {
    const { sim, sqs } = await start({ ecsEvents: { duplicateRate: 1 } });
    sim.createServices(2);
    sim.crashTasks('service-1', 1);
    const doubled = await drain(sqs, sim.queue.url);
    sim.setQueueKnobs({ duplicateRate: 0, lossRate: 1 });
    sim.crashTasks('service-2', 1);
    const lost = await drain(sqs, sim.queue.url);

    expect(doubled).toHaveLength(2);
    expect(doubled[0]?.Body).toBe(doubled[1]?.Body);
    expect(doubled[0]?.MessageId).not.toBe(doubled[1]?.MessageId);
    expect(lost).toEqual([]);
    expect(sim.queue.stats()).toMatchObject({ produced: 2, lost: 1, duplicated: 1 });
  });

  it('holds messages back for delayMs and lets later ones overtake within reorderWindowMs', async () => {
    const { sim, sqs } = await start({ ecsEvents: { delayMs: 1_000, reorderWindowMs: 5_000 } });
    const names = sim.createServices(20);
    for (const name of names) sim.crashTasks(name, 1);

    const early = await drain(sqs, sim.queue.url);
    sim.advance(6_100);
    const late = await drain(sqs, sim.queue.url);
    const order = late.filter((m) => detailOf(m).detail['lastStatus'] === 'STOPPED').map((m) => String(detailOf(m).detail['group']));

    expect(early).toEqual([]);
    expect(order).toHaveLength(20);
    expect(order).not.toEqual(names.map((n) => `service:${n}`));
    expect([...order].sort()).toEqual(names.map((n) => `service:${n}`));
  });
});

describe('ECS events on the queue', () => {
  it('says a deployment is in progress, its tasks start and run, the old ones stop, it completes and the service is steady', async () => {
    const { sim, sqs } = await start({ stepMs: 1000 });
    sim.createService('api', { desiredCount: 1 });
    const id = sim.deploy('api', { image: 'api:2' });
    sim.advance(10_000);

    const events = (await drain(sqs, sim.queue.url)).map(detailOf);
    const summary = events.map((e) => `${e['detail-type']}:${String(e.detail['eventName'] ?? e.detail['lastStatus'])}`);

    expect(summary).toEqual([
      'ECS Deployment State Change:SERVICE_DEPLOYMENT_IN_PROGRESS',
      'ECS Task State Change:PENDING',
      'ECS Task State Change:RUNNING',
      'ECS Task State Change:STOPPED',
      'ECS Deployment State Change:SERVICE_DEPLOYMENT_COMPLETED',
      'ECS Service Action:SERVICE_STEADY_STATE',
    ]);
    expect(events[0]?.detail['deploymentId']).toBe(id);
    expect(events[1]?.detail).toMatchObject({
      group: 'service:api',
      startedBy: id,
      clusterArn: 'arn:aws:ecs:us-east-1:123456789012:cluster/default',
    });
  });

  it('carries the stop reason and exit code of a crashed task', async () => {
    const { sim, sqs } = await start();
    sim.createService('api', { desiredCount: 1 });
    sim.crashTasks('api', 1, { exitCode: 137 });

    const [event] = (await drain(sqs, sim.queue.url)).map(detailOf);

    expect(event?.detail).toMatchObject({
      lastStatus: 'STOPPED',
      stopCode: 'EssentialContainerExited',
      stoppedReason: 'Essential container in task exited',
      containers: [expect.objectContaining({ exitCode: 137, reason: 'OutOfMemoryError: Container killed due to memory usage' })],
    });
  });

  it('says a deployment failed under the circuit breaker and a stalled one cannot place its tasks', async () => {
    const { sim, sqs } = await start();
    sim.createServices(2, { desiredCount: 1 });
    sim.failDeployment('service-1', { image: 'bad', rollback: false });
    sim.stallDeployment('service-2', { image: 'big' });
    sim.advance(10_000);

    const names = (await drain(sqs, sim.queue.url)).map((m) => String(detailOf(m).detail['eventName'] ?? ''));

    expect(names).toContain('SERVICE_DEPLOYMENT_FAILED');
    expect(names).toContain('SERVICE_TASK_PLACEMENT_FAILURE');
  });

  it('stays empty without ecsEvents', async () => {
    const { sim, sqs } = await start({ ecsEvents: false });
    sim.createService('api');
    sim.crashTasks('api', 1);

    expect(await drain(sqs, sim.queue.url)).toEqual([]);
  });
});
