import { defuse, truncateText } from '@mona-ecs/core';
import { genericFix, type Preset } from '../webhookRequest.js';

/** Mattermost's post limit since 5.0: 16,383 characters (https://developers.mattermost.com/integrate/webhooks/incoming/). */
export const MATTERMOST_MAX_TEXT = 16_383;

/**
 * Mattermost incoming webhook: `{ text }` in Markdown; `@channel`, `@here` and `@all` in ECS
 * text are broken by core's defusing, so only your own template can ping.
 */
export const mattermostPreset: Preset = {
  name: 'mattermost',
  requests: (notification, options) => [
    {
      url: options.url ?? '',
      method: 'POST',
      headers: {},
      body: {
        text: truncateText(
          `**${defuse(notification.title).replace(/[\\`*_[\]<>~]/g, '\\$&')}**\n${notification.markdown}`,
          MATTERMOST_MAX_TEXT,
        ),
      },
    },
  ],
  fixFor: (status) =>
    status === 403 || status === 404
      ? 'Mattermost refused the hook (deleted, disabled, or its channel is locked): check the incoming webhook in Integrations and update url'
      : genericFix(status),
};
