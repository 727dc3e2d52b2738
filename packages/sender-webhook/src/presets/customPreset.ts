import { defuse, truncateText, type Notification } from '@mona-ecs/core';
import { FormatterKeyOf } from '@mona-ecs/core/format';
import type { JsonTemplate, WebhookSenderOptions } from '../options.js';
import { genericFix, type Preset } from '../webhookRequest.js';

/** The body when no template is configured: the texts and the event, every string defused. */
export const DEFAULT_TEMPLATE: JsonTemplate = {
  id: '{{id}}',
  title: '{{title}}',
  text: '{{plain}}',
  markdown: '{{markdown}}',
  severity: '{{severity}}',
  type: '{{event.type}}',
  event: '{{event}}',
};
export const DEFAULT_MAX_TEXT_LENGTH = 10_000;

const PLACEHOLDER = /\{\{\s*([A-Za-z0-9_.]+)\s*\}\}/g;
const WHOLE = /^\{\{\s*([A-Za-z0-9_.]+)\s*\}\}$/;

/** A deep copy of `value` with every string defused: safe to render in any channel. */
function defusedCopy(value: unknown): unknown {
  if (typeof value === 'string') return defuse(value);
  if (Array.isArray(value)) return value.map(defusedCopy);
  if (typeof value === 'object' && value !== null) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, defusedCopy(v)]));
  return value;
}

/** The value of one placeholder: a text form (cut to `max`), a notification field, or an event path. */
function valueOf(name: string, notification: Notification, max: number): unknown {
  switch (name) {
    case 'plain':
    case 'markdown':
    case 'text':
      return truncateText(notification[name], max);
    case 'id':
    case 'severity':
      return notification[name];
    case 'title':
      return defuse(notification.title);
    case 'event':
      return defusedCopy(notification.event);
    case 'rawEvent':
      return notification.event;
  }
  if (!name.startsWith('event.')) return undefined;
  let current: unknown = notification.event;
  for (const part of name.slice('event.'.length).split('.'))
    current = typeof current === 'object' && current !== null ? (current as Record<string, unknown>)[part] : undefined;
  return defusedCopy(current);
}

/**
 * Fill a JSON template: a string that is one placeholder (`"{{event}}"`, `"{{event.desiredCount}}"`)
 * becomes that value as JSON (an object, a number); placeholders inside a longer string are
 * replaced by their text. Unknown placeholders render empty; keys are kept as written.
 *
 * @example
 * renderTemplate({ content: '{{markdown}}', n: '{{event.desiredCount}}' }, notification, 2000);
 * // { content: '🔃 `api` deployment started …', n: 2 }
 */
export function renderTemplate(template: JsonTemplate, notification: Notification, max: number): unknown {
  if (typeof template === 'string') {
    const whole = WHOLE.exec(template);
    if (whole) return valueOf(whole[1]!, notification, max) ?? '';
    return template.replace(PLACEHOLDER, (_m, name: string) => {
      const value = valueOf(name, notification, max);
      return value === undefined || value === null ? '' : typeof value === 'object' ? JSON.stringify(value) : String(value);
    });
  }
  if (Array.isArray(template)) return template.map((t) => renderTemplate(t, notification, max));
  if (typeof template === 'object' && template !== null) {
    return Object.fromEntries(Object.entries(template).map(([k, v]) => [k, renderTemplate(v, notification, max)]));
  }
  return template;
}

/** Your own JSON, per formatter key (`deployFailed`), else `default`, else {@link DEFAULT_TEMPLATE}. */
export const customPreset: Preset = {
  name: 'custom',
  requests(notification, options: WebhookSenderOptions) {
    const key = FormatterKeyOf[notification.event.type];
    const template = options.templates?.[key] ?? options.templates?.['default'] ?? DEFAULT_TEMPLATE;
    return [
      {
        url: options.url ?? '',
        method: options.method ?? 'POST',
        headers: {},
        body: renderTemplate(template, notification, options.maxTextLength ?? DEFAULT_MAX_TEXT_LENGTH),
      },
    ];
  },
  fixFor: genericFix,
};
