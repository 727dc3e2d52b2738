import type { Notification } from '@mona/core';
import { contextSections } from './contextSections.js';
import { consoleLinkOf, eventFields } from './eventFields.js';

/** Slack emoji shortcodes the default formatter puts first (`:x: `); noise in an email. */
const LEADING_SHORTCODES = /^(?::[a-z0-9_+-]+:\s*)+/i;

/**
 * The formatted text without its leading Slack emoji shortcodes. Only leading ones go: anywhere
 * else a `:word:` may be part of the user's own template (a time, an ARN).
 *
 * @example
 * plainText(':x: `api` deployment failed'); // '`api` deployment failed'
 */
export function plainText(text: string): string {
  return text.replace(LEADING_SHORTCODES, '');
}

/**
 * The plain-text body: the formatted text, the fields, the enrichment context and the console link.
 *
 * @example
 * renderText(notification); // '`api` deployment started…\n\nCluster: prod\n…'
 */
export function renderText(notification: Notification): string {
  const blocks = [plainText(notification.text)];
  blocks.push(eventFields(notification.event).map(([label, value]) => `${label}: ${value}`).join('\n'));
  const context = 'context' in notification.event ? notification.event.context : undefined;
  for (const section of contextSections(context)) {
    blocks.push([`${section.heading}:`, ...section.lines.map((line) => `- ${line}`)].join('\n'));
  }
  const link = consoleLinkOf(notification.event);
  if (link !== undefined) blocks.push(`Open in the AWS console: ${link}`);
  blocks.push('-- \nSent by Mona, the ECS deployment monitor.');
  return `${blocks.join('\n\n')}\n`;
}
