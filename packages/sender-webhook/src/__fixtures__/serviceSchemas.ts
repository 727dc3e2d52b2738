/**
 * The request bodies each service documents, as JSON Schemas written from its documentation
 * (each cites its page). The preset tests validate real bodies against them with ajv, so a
 * preset cannot drift from what the service accepts: required fields, enums and length limits.
 */

/**
 * Discord "Execute Webhook" JSON params and embed limits:
 * https://discord.com/developers/docs/resources/webhook#execute-webhook
 * https://discord.com/developers/docs/resources/message#embed-object-embed-limits
 * https://discord.com/developers/docs/resources/message#allowed-mentions-object
 */
export const discordExecuteWebhook = {
  type: 'object',
  properties: {
    content: { type: 'string', maxLength: 2000 },
    username: { type: 'string', maxLength: 80 },
    allowed_mentions: {
      type: 'object',
      properties: { parse: { type: 'array', items: { enum: ['roles', 'users', 'everyone'] } } },
      required: ['parse'],
    },
    embeds: {
      type: 'array',
      maxItems: 10,
      items: {
        type: 'object',
        properties: {
          title: { type: 'string', maxLength: 256 },
          description: { type: 'string', maxLength: 4096 },
          url: { type: 'string', pattern: '^https?://' },
          timestamp: { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?Z$' },
          color: { type: 'integer', minimum: 0, maximum: 0xffffff },
        },
        additionalProperties: false,
      },
    },
  },
  anyOf: [{ required: ['content'] }, { required: ['embeds'] }],
  additionalProperties: false,
} as const;

/**
 * Microsoft Teams Workflows webhook ("When a Teams webhook request is received"): a `message`
 * whose attachment is an Adaptive Card, as in Microsoft's example:
 * https://learn.microsoft.com/en-us/microsoftteams/platform/webhooks-and-connectors/how-to/connectors-using#send-adaptive-cards-using-an-incoming-webhook
 * Adaptive Card elements: https://adaptivecards.io/explorer/ (TextBlock, FactSet, Action.OpenUrl)
 */
export const teamsWorkflowMessage = {
  type: 'object',
  properties: {
    type: { const: 'message' },
    attachments: {
      type: 'array',
      minItems: 1,
      items: {
        type: 'object',
        properties: {
          contentType: { const: 'application/vnd.microsoft.card.adaptive' },
          contentUrl: { type: 'null' },
          content: {
            type: 'object',
            properties: {
              $schema: { const: 'http://adaptivecards.io/schemas/adaptive-card.json' },
              type: { const: 'AdaptiveCard' },
              version: { enum: ['1.0', '1.1', '1.2', '1.3', '1.4', '1.5'] },
              body: {
                type: 'array',
                items: {
                  anyOf: [
                    {
                      type: 'object',
                      properties: {
                        type: { const: 'TextBlock' },
                        text: { type: 'string' },
                        wrap: { type: 'boolean' },
                        weight: { enum: ['Default', 'Lighter', 'Bolder'] },
                        size: { enum: ['Default', 'Small', 'Medium', 'Large', 'ExtraLarge'] },
                        color: { enum: ['Default', 'Dark', 'Light', 'Accent', 'Good', 'Warning', 'Attention'] },
                      },
                      required: ['type', 'text'],
                      additionalProperties: false,
                    },
                    {
                      type: 'object',
                      properties: {
                        type: { const: 'FactSet' },
                        facts: {
                          type: 'array',
                          items: {
                            type: 'object',
                            properties: { title: { type: 'string' }, value: { type: 'string' } },
                            required: ['title', 'value'],
                          },
                        },
                      },
                      required: ['type', 'facts'],
                      additionalProperties: false,
                    },
                  ],
                },
              },
              actions: {
                type: 'array',
                items: {
                  type: 'object',
                  properties: { type: { const: 'Action.OpenUrl' }, title: { type: 'string' }, url: { type: 'string' } },
                  required: ['type', 'url'],
                },
              },
            },
            required: ['type', 'version', 'body'],
          },
        },
        required: ['contentType', 'content'],
      },
    },
  },
  required: ['type', 'attachments'],
} as const;

/**
 * Google Chat incoming webhook body: a `Message` with `text` (and `thread.threadKey` to reply in a thread):
 * https://developers.google.com/workspace/chat/quickstart/webhooks
 * https://developers.google.com/workspace/chat/api/reference/rest/v1/spaces.messages#Message (32,000 bytes a message)
 */
export const googleChatMessage = {
  type: 'object',
  properties: {
    text: { type: 'string', maxLength: 4096 },
    thread: {
      type: 'object',
      properties: { threadKey: { type: 'string', minLength: 1 } },
      required: ['threadKey'],
      additionalProperties: false,
    },
  },
  required: ['text'],
  additionalProperties: false,
} as const;

/**
 * Mattermost incoming webhook parameters (`text` Markdown, at most 16,383 characters since 5.0):
 * https://developers.mattermost.com/integrate/webhooks/incoming/#parameters
 */
export const mattermostIncomingWebhook = {
  type: 'object',
  properties: {
    text: { type: 'string', maxLength: 16_383 },
    channel: { type: 'string' },
    username: { type: 'string' },
    icon_url: { type: 'string' },
    props: { type: 'object' },
  },
  required: ['text'],
  additionalProperties: false,
} as const;

/**
 * PagerDuty Events API v2 alert event (trigger, resolve):
 * https://developer.pagerduty.com/docs/send-alert-event
 * https://developer.pagerduty.com/api-reference/368ae3d938c9e-send-an-event-to-pager-duty
 */
export const pagerDutyAlertEvent = {
  type: 'object',
  properties: {
    routing_key: { type: 'string', minLength: 1 },
    event_action: { enum: ['trigger', 'acknowledge', 'resolve'] },
    dedup_key: { type: 'string', maxLength: 255 },
    client: { type: 'string' },
    client_url: { type: 'string' },
    links: {
      type: 'array',
      items: { type: 'object', properties: { href: { type: 'string' }, text: { type: 'string' } }, required: ['href'] },
    },
    payload: {
      type: 'object',
      properties: {
        summary: { type: 'string', minLength: 1, maxLength: 1024 },
        source: { type: 'string', minLength: 1 },
        severity: { enum: ['critical', 'error', 'warning', 'info'] },
        timestamp: { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?Z$' },
        component: { type: 'string' },
        group: { type: 'string' },
        class: { type: 'string' },
        custom_details: { type: 'object' },
      },
      required: ['summary', 'source', 'severity'],
      additionalProperties: false,
    },
  },
  required: ['routing_key', 'event_action'],
  if: { properties: { event_action: { const: 'trigger' } } },
  then: { required: ['payload'] },
  else: { required: ['dedup_key'] },
  additionalProperties: false,
} as const;

/**
 * PagerDuty Events API v2 change event: https://developer.pagerduty.com/docs/send-change-event
 */
export const pagerDutyChangeEvent = {
  type: 'object',
  properties: {
    routing_key: { type: 'string', minLength: 1 },
    links: {
      type: 'array',
      items: { type: 'object', properties: { href: { type: 'string' }, text: { type: 'string' } }, required: ['href'] },
    },
    payload: {
      type: 'object',
      properties: {
        summary: { type: 'string', minLength: 1, maxLength: 1024 },
        source: { type: 'string' },
        timestamp: { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?Z$' },
        custom_details: { type: 'object' },
      },
      required: ['summary'],
      additionalProperties: false,
    },
  },
  required: ['routing_key', 'payload'],
  additionalProperties: false,
} as const;

/**
 * Opsgenie Alert API: create alert and close alert:
 * https://docs.opsgenie.com/docs/alert-api#create-alert
 * https://docs.opsgenie.com/docs/alert-api#close-alert
 */
export const opsgenieCreateAlert = {
  type: 'object',
  properties: {
    message: { type: 'string', minLength: 1, maxLength: 130 },
    alias: { type: 'string', maxLength: 512 },
    description: { type: 'string', maxLength: 15_000 },
    tags: { type: 'array', maxItems: 20, items: { type: 'string', maxLength: 50 } },
    details: { type: 'object', additionalProperties: { type: 'string' } },
    entity: { type: 'string', maxLength: 512 },
    source: { type: 'string', maxLength: 100 },
    priority: { enum: ['P1', 'P2', 'P3', 'P4', 'P5'] },
  },
  required: ['message'],
  additionalProperties: false,
} as const;

export const opsgenieCloseAlert = {
  type: 'object',
  properties: {
    user: { type: 'string', maxLength: 100 },
    source: { type: 'string', maxLength: 100 },
    note: { type: 'string', maxLength: 25_000 },
  },
  additionalProperties: false,
} as const;
