import { SenderError, type Notification, type Sender, type SenderContext } from '@mona-ecs/core';
import type { JsonValue } from '@mona-ecs/core/state';
import type * as SlackWebApi from '@slack/web-api';
import type { WebClient } from '@slack/web-api';
import { buildSlackMessage, type SlackMessage } from './buildSlackMessage.js';
import { SlackErrorCode } from './errors.js';
import { classifySlackError } from './classifySlackError.js';
import { LRUCache } from 'lru-cache';
import { observedFetch, type HttpObservation } from './observedFetch.js';
import type { SlackBotOptions } from './options.js';
import { slackLogger } from './slackLogger.js';
import { threadRoleOf } from './threadRoleOf.js';

/**
 * Slack's Web API client, loaded at the first bot send: it is most of this package's weight
 * (axios and its kin), and a webhook sender, or a Mona that never sends, should not pay for it.
 */
let webApiModule: Promise<typeof SlackWebApi> | undefined;
function webApi(): Promise<typeof SlackWebApi> {
  webApiModule ??= import('@slack/web-api');
  return webApiModule;
}

/** Threads remembered per sender; about a month of busy deploys, a few hundred KB at most. */
export const THREAD_CAPACITY = 1000;
/** How long the host's state store keeps a thread parent: a deployment never lasts a month. */
export const THREAD_TTL_MS = 30 * 24 * 3_600_000;

/** Where Slack put a message; `channel` is the ID even when the options name the channel. */
interface Posted {
  channel: string;
  ts: string;
}

/** A thread's parent message, kept to re-render it with its final status. */
interface ThreadParent extends Posted {
  notification: Notification;
}

/** One send's view of the Web API: its client and what its last HTTP answer was. */
interface Call {
  client: WebClient;
  seen: HttpObservation;
  signal: AbortSignal;
}

/**
 * A sender that posts with a bot token, one thread per deployment: the start is the parent,
 * later news are replies (failures also broadcast to the channel), and the completion or
 * failure edits the parent to show the final status.
 *
 * A client per send binds the delivery queue's `AbortSignal` into the SDK's `fetch`; the SDK's
 * retries are off and rate limits rejected at once, because the delivery queue owns retries.
 *
 * @example
 * const sender = createBotSender({ token: 'xoxb-…', channel: 'C0123' }, context);
 * await sender.send(deploymentStarted, signal); // parent
 * await sender.send(deploymentCompleted, signal); // reply + parent edited to ":white_check_mark: …"
 */
export function createBotSender(
  options: SlackBotOptions,
  context: Pick<SenderContext, 'logger' | 'instanceName' | 'values'>,
  capacity = THREAD_CAPACITY,
): Sender {
  // Bounded, so a monitor that runs for months does not grow without end: a deployment evicted
  // after `capacity` newer ones simply starts a new thread if it ever speaks again.
  const threads = new LRUCache<string, ThreadParent>({ max: capacity });
  let closed = false;

  const open = async (signal: AbortSignal): Promise<Call> => {
    const seen: HttpObservation = {};
    const { WebClient } = await webApi();
    const client = new WebClient(options.token, {
      ...(options.slackApiUrl === undefined ? {} : { slackApiUrl: withSlash(options.slackApiUrl) }),
      fetch: observedFetch(signal, seen),
      retryConfig: { retries: 0 },
      rejectRateLimitedCalls: true,
      logger: slackLogger(context.logger),
    });
    return { client, seen, signal };
  };

  const post = async (call: Call, message: SlackMessage, reply?: { threadTs: string; broadcast: boolean }): Promise<Posted | undefined> => {
    const base = { channel: options.channel, ...message, ...identity(options) };
    const result = await call.client.chat.postMessage(
      reply === undefined ? base : { ...base, thread_ts: reply.threadTs, reply_broadcast: reply.broadcast },
    );
    return typeof result.ts === 'string' ? { channel: result.channel ?? options.channel, ts: result.ts } : undefined;
  };

  const finish = async (call: Call, parent: ThreadParent, final: Notification, emoji: string): Promise<void> => {
    const message = buildSlackMessage(parent.notification, { statusEmoji: emoji, severity: final.severity });
    try {
      await call.client.chat.update({ channel: parent.channel, ts: parent.ts, ...message });
    } catch (error) {
      // The reply is already posted: failing the send would make the queue post it twice.
      context.logger.warn(
        { err: classifySlackError(error, call.seen, call.signal), notificationId: final.id },
        'could not update the thread parent',
      );
    }
  };

  // The host's state store (when it has one) keeps thread parents across restarts, so a
  // deployment that ends after a restart is still a reply in its thread. Its failures never fail
  // a send: without the parent, the message simply starts a new thread.
  const remembered = async (key: string): Promise<ThreadParent | undefined> => {
    const cached = threads.get(key);
    if (cached !== undefined || context.values === undefined) return cached;
    try {
      const stored = (await context.values.get(key)) as ThreadParent | undefined;
      if (stored !== undefined && typeof stored.ts === 'string' && typeof stored.channel === 'string') {
        threads.set(key, stored);
        return stored;
      }
    } catch (error) {
      context.logger.warn({ err: error, thread: key }, 'could not read the thread parent from the state store');
    }
    return undefined;
  };
  const remember = async (key: string, parent: ThreadParent): Promise<void> => {
    threads.set(key, parent);
    try {
      await context.values?.set(key, parent as unknown as JsonValue, THREAD_TTL_MS);
    } catch (error) {
      context.logger.warn({ err: error, thread: key }, 'could not save the thread parent in the state store');
    }
  };

  return {
    async send(notification: Notification, signal: AbortSignal): Promise<void> {
      if (closed) throw new SenderError('the Slack sender is closed', { retryable: false, code: SlackErrorCode.Closed });
      const call = await open(signal);
      const mention = options.mentions?.[notification.severity];
      const message = buildSlackMessage(notification, mention === undefined ? {} : { mention });
      const role = threadRoleOf(notification.event);
      try {
        signal.throwIfAborted();
        const parent =
          role.kind === 'reply'
            ? ((await remembered(role.key)) ?? (role.joinKey === undefined ? undefined : await remembered(role.joinKey)))
            : undefined;
        if (role.kind === 'standalone') {
          await post(call, message);
        } else if (parent === undefined) {
          // No known thread (a new phase, or one begun before a restart): this message starts it.
          const posted = await post(call, message);
          if (posted !== undefined) await remember(role.key, { ...posted, notification });
        } else {
          await post(call, message, { threadTs: parent.ts, broadcast: notification.severity === 'error' });
          if (!threads.has(role.key)) await remember(role.key, parent);
          if (role.kind === 'reply' && role.finalEmoji !== undefined) await finish(call, parent, notification, role.finalEmoji);
        }
      } catch (error) {
        throw classifySlackError(error, call.seen, signal);
      }
    },
    async close(): Promise<void> {
      closed = true;
      threads.clear();
    },
  };
}

function identity(options: SlackBotOptions): { username?: string; icon_emoji?: string } {
  return {
    ...(options.username === undefined ? {} : { username: options.username }),
    ...(options.iconEmoji === undefined ? {} : { icon_emoji: options.iconEmoji }),
  };
}

/** The SDK appends method names to `slackApiUrl` as is, so it must end with a slash. */
function withSlash(url: string): string {
  return url.endsWith('/') ? url : `${url}/`;
}
