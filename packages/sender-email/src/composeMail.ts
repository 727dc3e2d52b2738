import { createHash } from 'node:crypto';
import type { Notification } from '@mona-ecs/core';
import { DEFAULT_SUBJECT_PREFIX, type EmailSenderOptions } from './options.js';
import { renderHtml } from './renderHtml.js';
import { renderText } from './renderText.js';

/** The message fields handed to nodemailer's `sendMail`. */
export interface ComposedMail {
  from: string;
  to: string[];
  cc?: string[];
  subject: string;
  text: string;
  html: string;
  messageId: string;
  headers: Record<string, string>;
}

/**
 * Builds the email for a notification: subject `prefix + title`, plain-text and HTML bodies,
 * `X-Mona-*` headers for mail filters, and a Message-ID derived from the notification id, so a
 * retry after a timed-out attempt carries the same Message-ID and mail stores can drop the copy.
 *
 * @example
 * await transporter.sendMail({ ...composeMail(notification, options), signal });
 */
export function composeMail(notification: Notification, options: EmailSenderOptions): ComposedMail {
  const prefix = options.subjectPrefix ?? DEFAULT_SUBJECT_PREFIX;
  const event = notification.event;
  const headers: Record<string, string> = {
    'X-Mona-Event-Type': event.type,
    'X-Mona-Cluster': oneLine(event.cluster),
    'X-Mona-Severity': notification.severity,
  };
  if ('service' in event) headers['X-Mona-Service'] = oneLine(event.service);
  if (event.account) headers['X-Mona-Account'] = oneLine(event.account);
  return {
    from: options.from,
    to: options.to,
    ...(options.cc !== undefined && options.cc.length > 0 && { cc: options.cc }),
    subject: oneLine(prefix === '' ? notification.title : `${prefix} ${notification.title}`),
    text: renderText(notification),
    html: renderHtml(notification),
    messageId: `<mona.${createHash('sha256').update(notification.id).digest('hex').slice(0, 40)}@${domainOf(options.from)}>`,
    headers,
  };
}

/** Headers are one line; ECS strings and titles may not be. */
function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Domain of the sender address for the Message-ID (`Mona <mona@example.com>` → `example.com`). */
function domainOf(from: string): string {
  const match = /@([A-Za-z0-9.-]+)/.exec(from);
  return match?.[1] ?? 'mona.invalid';
}
