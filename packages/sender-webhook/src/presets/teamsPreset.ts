import { defuse, truncateText, type Severity } from '@mona-ecs/core';
import { genericFix, type Preset } from '../webhookRequest.js';
import { consoleLinkOf, factsOf } from './eventFacts.js';

/** Teams refuses messages over about 28 KB (https://learn.microsoft.com/en-us/microsoftteams/platform/bots/how-to/format-your-bot-messages); the card text keeps well inside. */
export const TEAMS_MAX_TEXT_BYTES = 20_000;

const COLOUR: Record<Severity, string> = { info: 'Accent', success: 'Good', warning: 'Warning', error: 'Attention' };

/**
 * Microsoft Teams through a Workflows "When a Teams webhook request is received" flow: a
 * `message` with one Adaptive Card (1.4): the title coloured by severity, the Markdown text (the
 * subset Adaptive Cards render), the facts, and a button to the console.
 */
export const teamsPreset: Preset = {
  name: 'teams',
  requests(notification, options) {
    const link = consoleLinkOf(notification.event);
    const card = {
      $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
      type: 'AdaptiveCard',
      version: '1.4',
      body: [
        {
          type: 'TextBlock',
          text: defuse(notification.title),
          weight: 'Bolder',
          size: 'Medium',
          color: COLOUR[notification.severity] ?? 'Default',
          wrap: true,
        },
        { type: 'TextBlock', text: truncateText(notification.markdown, TEAMS_MAX_TEXT_BYTES, 'bytes'), wrap: true },
        { type: 'FactSet', facts: factsOf(notification.event).map(([title, value]) => ({ title, value })) },
      ],
      ...(link !== undefined && { actions: [{ type: 'Action.OpenUrl', title: 'Open in the AWS console', url: link }] }),
    };
    return [
      {
        url: options.url ?? '',
        method: 'POST',
        headers: {},
        body: {
          type: 'message',
          attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', contentUrl: null, content: card }],
        },
      },
    ];
  },
  fixFor: (status) =>
    status === 401 || status === 403 || status === 404
      ? 'the Workflows flow refused the request (flow deleted or turned off, or the sig in url is wrong): check the flow in Teams > Workflows and update url'
      : genericFix(status),
};
