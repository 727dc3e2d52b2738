import { defuse, truncateText } from '@mona-ecs/core';
import { genericFix, type Preset } from '../webhookRequest.js';
import { incidentKey } from './eventFacts.js';

/** Google Chat takes at most 32,000 bytes per message, text and cards included (https://developers.google.com/workspace/chat/create-messages); `text` is kept well inside, at 4,096 characters. */
export const GOOGLE_CHAT_MAX_TEXT = 4096;

/**
 * Google Chat incoming webhook: `{ text }` in the plain form (Chat's own markup is Slack-like:
 * `<users/all>` would ping, and core's plain form defuses every `<`), one thread per
 * deployment (`thread.threadKey`, with `messageReplyOption=REPLY_MESSAGE_FALLBACK_TO_NEW_THREAD`
 * added to the URL, as the Chat API documents for webhooks).
 */
export const googleChatPreset: Preset = {
  name: 'googleChat',
  requests(notification, options) {
    const url = new URL(options.url ?? '');
    url.searchParams.set('messageReplyOption', 'REPLY_MESSAGE_FALLBACK_TO_NEW_THREAD');
    return [
      {
        url: url.toString(),
        method: 'POST',
        headers: {},
        body: {
          text: truncateText(`*${defuse(notification.title)}*\n${notification.plain}`, GOOGLE_CHAT_MAX_TEXT),
          thread: { threadKey: incidentKey(notification.event) },
        },
      },
    ];
  },
  fixFor: (status) =>
    status === 401 || status === 403 || status === 404
      ? 'Google Chat refused the webhook (deleted, or its key/token in url is wrong): create it again in the space and update url'
      : genericFix(status),
};
