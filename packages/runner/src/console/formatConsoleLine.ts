import type { Notification, Severity } from '@mona-ecs/core';
import { terminalText } from './terminalText.js';

/** How a console line is rendered. */
export interface ConsoleLineOptions {
  /** ANSI colours (a TTY without NO_COLOR). */
  color: boolean;
  /** When the line is printed (epoch ms); shown as local HH:MM:SS. */
  at: number;
}

/** Facts shown after the headline; a terminal line stays readable, the other channels carry all. */
const MAX_FACTS = 4;

const ICON: Readonly<Record<Severity, string>> = { info: 'ℹ', success: '✔', warning: '⚠', error: '✖' };
const COLOUR: Readonly<Record<Severity, string>> = { info: '36', success: '32', warning: '33', error: '31' };

const paint = (on: boolean, code: string, text: string): string => (on ? `\u001b[${code}m${text}\u001b[0m` : text);

/**
 * One console line for a notification: time, severity icon, title, then the text's headline
 * with its enrichment facts (the text's further lines) joined after a `·`, so that each
 * notification is exactly one line however much context it carries.
 *
 * @example
 * formatConsoleLine(notification, { color: false, at: Date.now() });
 * // '14:02:11 ✔ api: deployment done (demo)  ✅ `api` deployment done with `2` instances …'
 */
export function formatConsoleLine(notification: Notification, options: ConsoleLineOptions): string {
  const { color } = options;
  const severity = notification.severity;
  const [headline = '', ...facts] = terminalText(notification.text)
    .split('\n')
    .map((line) => line.replace(/^\s*[•◦]\s*/, '').trim())
    .filter((line) => line !== '');
  const time = paint(color, '2', clock(options.at));
  const icon = paint(color, COLOUR[severity] ?? '0', ICON[severity] ?? '•');
  const title = paint(color, '1', terminalText(notification.title));
  const shown = facts.slice(0, MAX_FACTS);
  // "lines", not a bare "+2 more": after "3 tasks stopped: · task a · task b" that would read as tasks.
  const hidden = facts.length - MAX_FACTS;
  const more = hidden > 0 ? [`+${hidden} more ${hidden === 1 ? 'line' : 'lines'}`] : [];
  const details = shown.length > 0 ? paint(color, '2', `  · ${[...shown, ...more].join(' · ')}`) : '';
  return `${time} ${icon} ${title}  ${codeSpans(headline, color)}${details}`;
}

/** `code` spans are bold in colour; without colour the backticks stay, as the only emphasis left. */
function codeSpans(text: string, color: boolean): string {
  return color ? text.replace(/`([^`]*)`/g, (_, inner: string) => paint(true, '1', inner)) : text;
}

function clock(at: number): string {
  const d = new Date(at);
  return [d.getHours(), d.getMinutes(), d.getSeconds()].map((n) => String(n).padStart(2, '0')).join(':');
}
