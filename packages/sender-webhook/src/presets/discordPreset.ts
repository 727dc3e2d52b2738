import { defuse, truncateText, type Severity } from '@mona-ecs/core';
import { genericFix, type Preset } from '../webhookRequest.js';
import { consoleLinkOf } from './eventFacts.js';

/** Discord's embed limits: title 256, description 4,096 characters (https://discord.com/developers/docs/resources/message#embed-object-embed-limits). */
export const DISCORD_LIMITS = { title: 256, description: 4096 } as const;

const COLOUR: Record<Severity, number> = { info: 0x1d70b8, success: 0x2e7d32, warning: 0xb26a00, error: 0xc62828 };

/**
 * Discord "Execute Webhook": one embed with the Markdown text, coloured by severity, linked to
 * the console; `allowed_mentions.parse: []` so nothing in it can ping (belt and braces: the
 * Markdown form already breaks `@everyone`).
 */
export const discordPreset: Preset = {
  name: 'discord',
  requests(notification, options) {
    const link = consoleLinkOf(notification.event);
    return [
      {
        url: options.url ?? '',
        method: 'POST',
        headers: {},
        body: {
          allowed_mentions: { parse: [] },
          embeds: [
            {
              title: truncateText(defuse(notification.title), DISCORD_LIMITS.title),
              description: truncateText(notification.markdown, DISCORD_LIMITS.description),
              color: COLOUR[notification.severity] ?? COLOUR.info,
              ...(link !== undefined && { url: link }),
              timestamp: new Date(notification.event.observedAt).toISOString(),
            },
          ],
        },
      },
    ];
  },
  fixFor: (status) =>
    status === 404 || status === 401
      ? 'Discord does not know this webhook (deleted, or the token in url is wrong): create a new webhook and update url'
      : genericFix(status),
};
