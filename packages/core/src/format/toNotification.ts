import { MonaError } from '../errors.js';
import type { MonitorEvent } from '../model/events.js';
import type { Notification } from '../model/notification.js';
import { defaultFormatter } from './defaultFormatter.js';
import { stripControls } from './neutralize.js';
import { severityOf } from './severityOf.js';
import { textForms } from './textForms.js';
import { titleOf } from './titleOf.js';
import type { Formatter } from './types.js';

/** Called when a formatter override throws or returns no string; the default text was used. */
export type FormatErrorHandler = (error: MonaError, event: MonitorEvent) => void;

/** Call the formatter key of `event`'s type, as the original called its formatter. */
export function formatEvent(event: MonitorEvent, formatter: Formatter): string {
  switch (event.type) {
    case 'MonitorStarted':
      // The account only when there is one: a formatter written for the original gets its two arguments.
      return event.account === undefined
        ? formatter.monitorDeploy(event.serviceNames, event.cluster)
        : formatter.monitorDeploy(event.serviceNames, event.cluster, event.account);
    case 'DeploymentStarted':
      return formatter.deploy(event);
    case 'TasksFailing':
      return formatter.tasksFailing(event);
    case 'DeploymentFailed':
      return formatter.deployFailed(event);
    case 'RollbackStarted':
      return formatter.rollback(event);
    case 'ScalingStarted':
      return formatter.scale(event);
    case 'TaskCrashed':
      return formatter.recover(event);
    case 'DeploymentCompleted':
      return formatter.deployDone(event);
    case 'DeploymentTimedOut':
      return formatter.deployTimeout(event);
    case 'ServiceRemoved':
      return formatter.serviceRemoved(event);
    case 'MonitorDegraded':
      return formatter.monitorDegraded(event);
    case 'MonitorRecovered':
      return formatter.monitorRecovered(event);
  }
}

/**
 * A user's override must never lose an event: when it throws or returns something other than
 * a non-empty string, the default text goes out and `onError` hears why (core has no logger
 * here; the caller logs). The text's plain and Markdown forms are derived here (`textForms`),
 * the title is plain text and the severity follows the table in the README.
 *
 * @example
 * const n = toNotification(event, createFormatter(userOverrides), (err) => logger.warn({ err }, 'formatter failed'));
 * // { id, event, text: ':arrows_clockwise: `api` deployment started …', plain: '🔃 `api` …', markdown: '🔃 `api` …', title: 'api: deployment started (prod)', severity: 'info' }
 */
export function toNotification(event: MonitorEvent, formatter: Formatter, onError?: FormatErrorHandler): Notification {
  const text = safeText(event, formatter, onError);
  return { id: event.id, event, text, ...textForms(text), title: stripControls(titleOf(event)), severity: severityOf(event) };
}

function safeText(event: MonitorEvent, formatter: Formatter, onError: FormatErrorHandler | undefined): string {
  let problem: unknown;
  try {
    const text: unknown = formatEvent(event, formatter);
    if (typeof text === 'string' && text !== '') return text;
    problem = new TypeError(`the formatter returned ${text === '' ? 'an empty string' : typeof text}`);
  } catch (error) {
    problem = error;
  }
  const error = new MonaError('MONA_FORMAT_FAILED', `formatting ${event.type} ${event.id} failed; the default text was used`, {
    cause: problem,
  });
  try {
    onError?.(error, event);
  } catch {
    // A failing log hook must not lose the notification either; the default text still goes out.
  }
  return formatEvent(event, defaultFormatter);
}
