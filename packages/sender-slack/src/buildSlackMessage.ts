import type { Notification, Severity } from '@mona-ecs/core';
import { contextLines, textCarriesContext } from './contextLines.js';
import { defuseMrkdwn } from './defuseMrkdwn.js';
import { escapeMrkdwn } from '@mona-ecs/core';
import { clip, messageFields } from './messageFields.js';

export interface MrkdwnText {
  type: 'mrkdwn';
  text: string;
}
/** The Block Kit blocks this package produces (a subset of Slack's `KnownBlock`). */
export type SlackBlock =
  { type: 'section'; text: MrkdwnText } | { type: 'section'; fields: MrkdwnText[] } | { type: 'context'; elements: MrkdwnText[] };
export interface SlackAttachment {
  color: string;
  blocks: SlackBlock[];
}
/** A message as both `chat.postMessage` and an incoming webhook accept it. */
export interface SlackMessage {
  /** Plain fallback for notifications, screen readers and old clients; always set. */
  text: string;
  blocks: SlackBlock[];
  attachments: SlackAttachment[];
}

/** Attachment bar colour per severity (Slack's own palette). */
export const SEVERITY_COLOR: Readonly<Record<Severity, string>> = Object.freeze({
  info: '#1D9BD1',
  success: '#2EB67D',
  warning: '#ECB22E',
  error: '#E01E5A',
});

/** Slack's limits: section text 3,000 characters; `text` should stay under 4,000. */
const SECTION_MAX = 3000;
const FALLBACK_MAX = 4000;
const SECTIONS_MAX = 45;

export interface BuildOptions {
  /** User-written mention (`<!here>`), put in front unescaped. */
  mention?: string;
  /** Emoji put in front of the text, e.g. when a thread parent gets its final status. */
  statusEmoji?: string;
  /** Colour the attachment with this severity instead of the notification's. */
  severity?: Severity;
}

/**
 * Render a notification as a Slack message: the formatter's `text` (already mrkdwn, so user
 * templates reach Slack) in a section, then an attachment coloured by severity with the
 * event's fields, its enrichment context (unless the text already shows it, as the default
 * formatter's does) and a link to the service in the AWS console.
 *
 * `text` is not escaped again (the formatter escaped what it interpolated; escaping twice
 * would show `&amp;lt;`), only defused: links stay, any other `<…>` such as a `<!channel>` from
 * a raw value in a user template is escaped. Pings come only from `mention`.
 *
 * @example
 * const message = buildSlackMessage(notification, { mention: '<!here>' });
 * await webhook.send(message);
 */
export function buildSlackMessage(notification: Notification, options: BuildOptions = {}): SlackMessage {
  const body = notification.text.trim() === '' ? escapeMrkdwn(notification.title) : defuseMrkdwn(notification.text);
  const prefix = [options.mention, options.statusEmoji].filter((part) => part !== undefined && part !== '').join(' ');
  const headline = prefix === '' ? body : `${prefix} ${body}`;
  return {
    text: clip(headline, FALLBACK_MAX),
    blocks: sections(headline, notification.group === undefined).map((text) => ({ type: 'section', text: mrkdwn(text) })),
    attachments: [{ color: SEVERITY_COLOR[options.severity ?? notification.severity], blocks: detailBlocks(notification) }],
  };
}

function detailBlocks(notification: Notification): SlackBlock[] {
  const { event, group } = notification;
  // A grouped message lists its members in the text; the first member's fields would mislead.
  if (group !== undefined)
    return [{ type: 'context', elements: [mrkdwn(`*Cluster* ${escapeMrkdwn(event.cluster)} · ${group.members.length} services`)] }];
  const blocks: SlackBlock[] = [{ type: 'section', fields: messageFields(event).map(mrkdwn) }];
  const groups = textCarriesContext(notification.text, event) ? [] : contextLines(event);
  for (const lines of groups) {
    blocks.push({ type: 'context', elements: [mrkdwn(clip(lines.join('\n'), SECTION_MAX))] });
  }
  if ('consoleUrl' in event && event.consoleUrl !== '') {
    // A link, not a button: a link button makes Slack post an interaction payload, and apps
    // without a request URL (every plain webhook) then show a warning icon next to it.
    const link = `<${escapeMrkdwn(event.consoleUrl)}|Open in the AWS console>`;
    blocks.push({ type: 'context', elements: [mrkdwn(`:link: ${link}`)] });
  }
  return blocks;
}

/** A grouped message's member list, split at line ends into sections of Slack's maximum size. */
function sections(text: string, single: boolean): string[] {
  if (single || text.length <= SECTION_MAX) return [clip(text, SECTION_MAX)];
  const result: string[] = [];
  let current = '';
  for (const line of text.split('\n')) {
    if (current !== '' && current.length + 1 + line.length > SECTION_MAX) {
      result.push(current);
      current = '';
    }
    current = current === '' ? clip(line, SECTION_MAX) : `${current}\n${line}`;
  }
  if (current !== '') result.push(current);
  // Slack takes at most 50 blocks a message; the attachment has its own.
  return result.slice(0, SECTIONS_MAX);
}

function mrkdwn(text: string): MrkdwnText {
  return { type: 'mrkdwn', text };
}
