import type { Notification, Severity } from '@mona-ecs/core';
import { contextSections, type Section } from './contextSections.js';
import { escapeHtml } from './escapeHtml.js';
import { consoleLinkOf, eventFields, type Field } from './eventFields.js';
import { leadText } from './renderText.js';

const COLOUR: Record<Severity, string> = { info: '#1d70b8', success: '#2e7d32', warning: '#b26a00', error: '#c62828' };
const CELL = 'padding:4px 12px 4px 0;vertical-align:top;text-align:left';

/**
 * The HTML body: a severity bar with the text, a table of fields, the enrichment context and a
 * console link. Every string from ECS, applications or the config is escaped; inline styles
 * only, since mail clients drop `<style>` blocks.
 *
 * @example
 * renderHtml(notification); // '<!doctype html>…<td …>Service</td><td …>api</td>…'
 */
export function renderHtml(notification: Notification): string {
  const colour = COLOUR[notification.severity] ?? COLOUR.info;
  const context = 'context' in notification.event ? notification.event.context : undefined;
  const link = consoleLinkOf(notification.event);
  return [
    '<!doctype html>',
    '<html><body style="font-family:-apple-system,Segoe UI,Helvetica,Arial,sans-serif;font-size:14px;color:#1b1b1b">',
    `<div style="border-left:4px solid ${colour};padding:8px 12px;margin-bottom:12px">`,
    `<h2 style="margin:0 0 6px 0;font-size:16px">${escapeHtml(notification.title)}</h2>`,
    `<p style="margin:0">${inlineMarkup(leadText(notification))}</p>`,
    '</div>',
    fieldsTable(eventFields(notification.event)),
    ...contextSections(context).map(sectionHtml),
    link === undefined ? '' : `<p><a href="${escapeHtml(link)}">Open the service in the AWS console</a></p>`,
    '<p style="color:#6b6b6b;font-size:12px">Sent by Mona, the ECS deployment monitor.</p>',
    '</body></html>',
  ]
    .filter((part) => part !== '')
    .join('\n');
}

/** Escapes first, then turns mrkdwn code spans and line breaks into HTML: the markup added is ours only. */
function inlineMarkup(text: string): string {
  return escapeHtml(text)
    .replace(/`([^`\n]+)`/g, '<code>$1</code>')
    .replace(/\r?\n/g, '<br>');
}

function fieldsTable(fields: Field[]): string {
  const rows = fields.map(
    ([label, value]) =>
      `<tr><th style="${CELL};color:#6b6b6b;font-weight:normal">${escapeHtml(label)}</th><td style="${CELL}">${escapeHtml(value)}</td></tr>`,
  );
  return `<table style="border-collapse:collapse;margin-bottom:12px">\n${rows.join('\n')}\n</table>`;
}

function sectionHtml(section: Section): string {
  const items = section.lines.map((line) => `<li>${escapeHtml(line)}</li>`).join('');
  return `<h3 style="font-size:14px;margin:12px 0 4px 0">${escapeHtml(section.heading)}</h3><ul style="margin:0;padding-left:20px">${items}</ul>`;
}
