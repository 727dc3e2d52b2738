import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type MonitorEvent, type Notification, isSenderError } from '@mona-ecs/core';
import { createFileStore, type ValueStore } from '@mona-ecs/core/state';
import { recordingLogger, sampleEvents, sampleNotification } from '@mona-ecs/core/testing';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { FakeSlack, RETRY_AFTER_SECONDS } from './__fixtures__/fakeSlack.js';
import { createBotSender } from './createBotSender.js';
import type { SlackBotOptions } from './options.js';

const slack = new FakeSlack();
beforeAll(() => slack.listen());
afterAll(() => slack.close());
beforeEach(() => slack.reset());

function options(extra: Partial<SlackBotOptions> = {}): SlackBotOptions {
  return { token: 'xoxb-test', channel: 'deploys', slackApiUrl: slack.apiUrl, ...extra };
}

function notificationOf(type: MonitorEvent['type'], overrides: Record<string, unknown> = {}): Notification {
  const event = sampleEvents().find((e) => e.type === type);
  if (!event) throw new Error(`no sample ${type}`);
  return sampleNotification({ ...event, ...overrides } as MonitorEvent);
}

const signal = (): AbortSignal => new AbortController().signal;

async function failureOf(promise: Promise<unknown>): Promise<{ retryable: boolean; retryAfterMs?: number; message: string }> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!isSenderError(error)) throw new Error(`expected a SenderError, got ${String(error)}`);
  return error;
}

describe('createBotSender', () => {
  it('posts the start of a deployment as a top-level message with the bot token', async () => {
    // Prepare
    const sender = createBotSender(options({ username: 'Mona' }), { logger: recordingLogger(), instanceName: 'slack' });

    // Act
    await sender.send(notificationOf('DeploymentStarted'), signal());

    // Assess
    const [request] = slack.requests;
    expect(request).toMatchObject({ method: 'chat.postMessage', authorization: 'Bearer xoxb-test' });
    expect(request?.body).toMatchObject({ channel: 'deploys', username: 'Mona' });
    expect(request?.body['thread_ts']).toBeUndefined();
  });

  it('threads later news of the same deployment under the start and updates the parent on completion', async () => {
    // Prepare
    const sender = createBotSender(options(), { logger: recordingLogger(), instanceName: 'slack' });
    const started = notificationOf('DeploymentStarted');

    // Act
    await sender.send(started, signal());
    await sender.send(notificationOf('TasksFailing'), signal());
    await sender.send(notificationOf('DeploymentCompleted'), signal());

    // Assess
    const [parent, failing, done, update] = slack.requests;
    expect(slack.requests.map((r) => r.method)).toEqual(['chat.postMessage', 'chat.postMessage', 'chat.postMessage', 'chat.update']);
    const parentTs = '1700000001.000100';
    expect(parent?.body['thread_ts']).toBeUndefined();
    expect(failing?.body).toMatchObject({ thread_ts: parentTs, reply_broadcast: 'false' });
    expect(done?.body).toMatchObject({ thread_ts: parentTs });
    expect(update?.body).toMatchObject({ channel: 'C0FAKE', ts: parentTs, text: `:white_check_mark: ${started.text}` });
    expect(update?.body['attachments']).toMatchObject([{ color: '#2EB67D' }]);
  });

  it('keeps only the newest thread parents: an evicted deployment speaks top-level again', async () => {
    // Prepare: room for one thread; a second deployment's start evicts the first's parent
    const sender = createBotSender(options(), { logger: recordingLogger(), instanceName: 'slack' }, 1);
    const first = notificationOf('DeploymentStarted');
    const second = notificationOf('DeploymentStarted', { deploymentId: 'ecs-svc/other', id: 'other/DeploymentStarted' });

    // Act
    await sender.send(first, signal());
    await sender.send(second, signal());
    await sender.send(notificationOf('DeploymentCompleted'), signal());

    // Assess: the completion of the first is a new top-level message, and no parent is edited
    expect(slack.requests.map((r) => r.method)).toEqual(['chat.postMessage', 'chat.postMessage', 'chat.postMessage']);
    expect(slack.requests[2]?.body['thread_ts']).toBeUndefined();
  });

  it('broadcasts a failure reply to the channel and marks the parent with :x:', async () => {
    // Prepare
    const sender = createBotSender(options(), { logger: recordingLogger(), instanceName: 'slack' });

    // Act
    await sender.send(notificationOf('DeploymentStarted'), signal());
    await sender.send(notificationOf('DeploymentFailed'), signal());

    // Assess
    const [, failed, update] = slack.requests;
    expect(failed?.body).toMatchObject({ reply_broadcast: 'true' });
    expect(String(update?.body['text'])).toMatch(/^:x: /);
  });

  it('continues the failed deployment thread with the rollback and its completion', async () => {
    // Prepare
    const sender = createBotSender(options(), { logger: recordingLogger(), instanceName: 'slack' });
    const rollbackId = 'ecs-svc/9876543210987654321';

    // Act
    await sender.send(notificationOf('DeploymentStarted'), signal());
    await sender.send(notificationOf('RollbackStarted'), signal());
    await sender.send(notificationOf('DeploymentCompleted', { deploymentId: rollbackId, kind: 'rollback' }), signal());

    // Assess
    const posts = slack.requests.filter((r) => r.method === 'chat.postMessage');
    const update = slack.requests.find((r) => r.method === 'chat.update');
    expect(posts.map((p) => p.body['thread_ts'])).toEqual([undefined, '1700000001.000100', '1700000001.000100']);
    expect(String(update?.body['text'])).toMatch(/^:leftwards_arrow_with_hook: /);
  });

  it('starts a new thread for news of a deployment it has not seen (e.g. after a restart)', async () => {
    // Prepare
    const sender = createBotSender(options(), { logger: recordingLogger(), instanceName: 'slack' });

    // Act
    await sender.send(notificationOf('DeploymentTimedOut'), signal());
    await sender.send(notificationOf('DeploymentCompleted'), signal());

    // Assess
    const [first, second] = slack.requests;
    expect(first?.body['thread_ts']).toBeUndefined();
    expect(second?.body['thread_ts']).toBe('1700000001.000100');
  });

  it('keeps the thread across a restart through the host state store: the completion replies and updates the parent', async () => {
    // Prepare: one process posts the start, then stops; a new one (a fresh sender) reads the same store.
    const dir = await mkdtemp(join(tmpdir(), 'mona-slack-'));
    const path = join(dir, 'state.json');
    const started = notificationOf('DeploymentStarted');
    const before = await createFileStore({ path });
    await createBotSender(options(), { logger: recordingLogger(), instanceName: 'slack', values: before.values('slack') }).send(
      started,
      signal(),
    );
    await before.close();
    const after = await createFileStore({ path });
    const restarted = createBotSender(options(), { logger: recordingLogger(), instanceName: 'slack', values: after.values('slack') });

    // Act
    await restarted.send(notificationOf('DeploymentCompleted'), signal());

    // Assess
    const [, done, update] = slack.requests;
    expect(done?.body).toMatchObject({ thread_ts: '1700000001.000100' });
    expect(update).toMatchObject({ method: 'chat.update', body: { ts: '1700000001.000100', text: `:white_check_mark: ${started.text}` } });
    await after.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('starts a new thread, and logs why, when the state store cannot be read', async () => {
    // Prepare
    const logger = recordingLogger();
    const broken: ValueStore = {
      get: () => Promise.reject(new Error('disk gone')),
      set: () => Promise.reject(new Error('disk gone')),
      delete: () => Promise.resolve(),
    };
    const sender = createBotSender(options(), { logger, instanceName: 'slack', values: broken });

    // Act
    await sender.send(notificationOf('DeploymentCompleted'), signal());

    // Assess
    expect(slack.requests.map((r) => r.body['thread_ts'])).toEqual([undefined]);
    expect(logger.entries.map((e) => e.msg)).toEqual(
      expect.arrayContaining([
        'could not read the thread parent from the state store',
        'could not save the thread parent in the state store',
      ]),
    );
  });

  it('keeps a bounded number of threads and forgets the least recently used one', async () => {
    // Prepare
    const sender = createBotSender(options(), { logger: recordingLogger(), instanceName: 'slack' }, 2);

    // Act
    for (const id of ['d1', 'd2', 'd3']) await sender.send(notificationOf('DeploymentStarted', { deploymentId: id }), signal());
    await sender.send(notificationOf('DeploymentCompleted', { deploymentId: 'd1' }), signal());
    await sender.send(notificationOf('DeploymentCompleted', { deploymentId: 'd3' }), signal());

    // Assess
    const [, , , d1Done, d3Done] = slack.requests;
    expect(d1Done?.body['thread_ts']).toBeUndefined();
    expect(d3Done?.body['thread_ts']).toBe('1700000003.000100');
  });

  it('posts cluster-level events on their own, never in a thread', async () => {
    // Prepare
    const sender = createBotSender(options(), { logger: recordingLogger(), instanceName: 'slack' });

    // Act
    await sender.send(notificationOf('MonitorStarted'), signal());
    await sender.send(notificationOf('MonitorDegraded'), signal());

    // Assess
    expect(slack.requests.map((r) => r.body['thread_ts'])).toEqual([undefined, undefined]);
  });

  it('logs but does not fail when the parent cannot be updated, so the reply is not posted twice', async () => {
    // Prepare
    const logger = recordingLogger();
    const sender = createBotSender(options(), { logger, instanceName: 'slack' });
    await sender.send(notificationOf('DeploymentStarted'), signal());
    slack.script(
      { status: 200, body: { ok: true, channel: 'C0FAKE', ts: '1700000009.000100' } },
      { status: 200, body: { ok: false, error: 'message_not_found' } },
    );

    // Act
    await sender.send(notificationOf('DeploymentCompleted'), signal());

    // Assess
    expect(slack.requests.at(-1)?.method).toBe('chat.update');
    expect(JSON.stringify(logger.entries)).toContain('could not update the thread parent');
  });

  it('classifies channel_not_found as not retryable', async () => {
    // Prepare
    const sender = createBotSender(options(), { logger: recordingLogger(), instanceName: 'slack' });
    slack.answer('rejected');

    // Act
    const error = await failureOf(sender.send(notificationOf('DeploymentStarted'), signal()));

    // Assess
    expect(error.retryable).toBe(false);
    expect(error.message).toContain('channel_not_found');
  });

  it('classifies 429 ratelimited as retryable with Retry-After, without waiting inside the SDK', async () => {
    // Prepare
    const sender = createBotSender(options(), { logger: recordingLogger(), instanceName: 'slack' });
    slack.answer('rateLimited');

    // Act
    const error = await failureOf(sender.send(notificationOf('DeploymentStarted'), signal()));

    // Assess
    expect(error).toMatchObject({ retryable: true, retryAfterMs: RETRY_AFTER_SECONDS * 1000 });
    expect(slack.requests).toHaveLength(1);
  });

  it('classifies a 200 ratelimited answer as retryable', async () => {
    // Prepare
    const sender = createBotSender(options(), { logger: recordingLogger(), instanceName: 'slack' });
    slack.script({ status: 200, body: { ok: false, error: 'ratelimited' } });

    // Act
    const error = await failureOf(sender.send(notificationOf('DeploymentStarted'), signal()));

    // Assess
    expect(error.retryable).toBe(true);
  });

  it('classifies 500 as retryable after a single request', async () => {
    // Prepare
    const sender = createBotSender(options(), { logger: recordingLogger(), instanceName: 'slack' });
    slack.answer('serverError');

    // Act
    const error = await failureOf(sender.send(notificationOf('DeploymentStarted'), signal()));

    // Assess
    expect(error.retryable).toBe(true);
    expect(slack.requests).toHaveLength(1);
  });

  it('aborts a hung request when the signal aborts', async () => {
    // Prepare
    const sender = createBotSender(options(), { logger: recordingLogger(), instanceName: 'slack' });
    slack.answer('hang');
    const controller = new AbortController();

    // Act
    const sending = failureOf(sender.send(notificationOf('DeploymentStarted'), controller.signal));
    await slack.received(1);
    controller.abort(new Error('attempt timed out'));
    const error = await sending;

    // Assess
    expect(error.retryable).toBe(true);
  });
});
