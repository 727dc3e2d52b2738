import type { Notification } from '@mona-ecs/core';
import type { WebhookSenderOptions } from './options.js';

/** One HTTP request a preset wants sent for a notification. */
export interface WebhookRequest {
  url: string;
  method: 'POST' | 'PUT';
  headers: Record<string, string>;
  body: unknown;
}

/** How one service is spoken to: its request per notification, and what to fix per refusal. */
export interface Preset {
  name: string;
  /** The requests for `notification`, in order; none when the service takes no message for it. */
  requests(notification: Notification, options: WebhookSenderOptions): WebhookRequest[];
  /** What the operator should change after a permanent refusal with this status. */
  fixFor(status: number): string;
}

/** The fix for a refusal of any service: by status, as HTTP defines it. */
export function genericFix(status: number): string {
  if (status === 401 || status === 403) return 'the service refused the credentials: check the URL token or the auth header/key';
  if (status === 404 || status === 410) return 'the URL does not exist (any more): create the webhook again and update url';
  if (status === 413) return 'the message is too large for the service: lower maxTextLength or shorten the templates';
  return 'the service refused the payload: check the preset or the templates against the service documentation';
}
