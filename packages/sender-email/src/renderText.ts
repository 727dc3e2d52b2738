import type { Notification } from '@mona-ecs/core';
import { contextSections } from './contextSections.js';
import { consoleLinkOf, eventFields } from './eventFields.js';

/** Bullet lines are how the default formatter renders the enrichment context. */
const CONTEXT_BULLET = /^\s*[•◦]/;

/**
 * The lead paragraph of an email: the notification's plain form (emoji as characters, mentions
 * and tags defused), minus the formatter's context bullets when the
 * event has a context, because the email shows that context as its own sections and table.
 *
 * @example
 * leadText(notification); // '`api` deployment of task definition `api:42` failed: …'
 */
export function leadText(notification: Notification): string {
  const text = notification.plain;
  if (!('context' in notification.event) || notification.event.context === undefined) return text;
  const lines = text.split('\n').filter((line) => !CONTEXT_BULLET.test(line));
  return lines.length > 0 ? lines.join('\n') : text;
}

/**
 * The plain-text body: the formatted text, the fields, the enrichment context and the console link.
 *
 * @example
 * renderText(notification); // '`api` deployment started…\n\nCluster: prod\n…'
 */
export function renderText(notification: Notification): string {
  const blocks = [leadText(notification)];
  blocks.push(
    eventFields(notification.event)
      .map(([label, value]) => `${label}: ${value}`)
      .join('\n'),
  );
  const context = 'context' in notification.event ? notification.event.context : undefined;
  for (const section of contextSections(context)) {
    blocks.push([`${section.heading}:`, ...section.lines.map((line) => `- ${line}`)].join('\n'));
  }
  const link = consoleLinkOf(notification.event);
  if (link !== undefined) blocks.push(`Open in the AWS console: ${link}`);
  blocks.push('-- \nSent by Mona, the ECS deployment monitor.');
  return `${blocks.join('\n\n')}\n`;
}
