import type { Notification } from '../model/notification.js';
import type { ConformanceSession } from './conformanceChecks.js';
import { ensure } from './conformanceFailure.js';
import { hostileStringsFor, undecodedEntitiesFor } from './hostileText.js';
import { longSampleNotifications, sampleNotifications } from './sampleNotifications.js';

/** The samples the sender is meant to deliver (all but the event types its harness says it ignores). */
function meant<O>(session: ConformanceSession<O>, notifications: Notification[]): Notification[] {
  const ignored = new Set(session.harness.ignores ?? []);
  return notifications.filter((n) => !ignored.has(n.event.type));
}

/** Send every notification on a fresh sender and return what the channel accepted, as one JSON string and as items. */
async function deliver<O>(
  session: ConformanceSession<O>,
  notifications: Notification[],
): Promise<{ items: readonly unknown[]; seen: string }> {
  const created = await session.sender();
  for (const notification of notifications) await created.send(deepFreeze(notification), new AbortController().signal);
  const items = await session.harness.delivered();
  return { items, seen: JSON.stringify(items) };
}

export async function checkEveryEvent<O>(session: ConformanceSession<O>): Promise<void> {
  const all = sampleNotifications();
  const notifications = meant(session, all);
  // The ignored ones are sent too: they must resolve, without a message.
  const { items } = await deliver(session, all);
  ensure(
    items.length >= notifications.length,
    `the channel accepted ${items.length} messages for ${notifications.length} notifications: every notification must be delivered`,
  );
}

export async function checkHostileText<O>(session: ConformanceSession<O>): Promise<void> {
  const { seen } = await deliver(session, sampleNotifications());
  for (const [raw, what] of hostileStringsFor(session.harness.markup)) {
    ensure(
      !seen.includes(raw),
      `unescaped text reached the channel: ${JSON.stringify(raw)} from an ECS stop reason would be ${what} in ${session.harness.markup}; render notification.${formFor(session.harness.markup)} or escape every event string with defuse()`,
    );
  }
  for (const raw of session.harness.forbidden ?? [])
    ensure(!seen.includes(raw), `unescaped text reached the channel: ${JSON.stringify(raw)} is listed as forbidden by the harness`);
}

export async function checkEntities<O>(session: ConformanceSession<O>): Promise<void> {
  const { seen } = await deliver(session, sampleNotifications());
  for (const entity of undecodedEntitiesFor(session.harness.markup)) {
    ensure(
      !seen.includes(entity),
      `Slack entities reached a ${session.harness.markup} channel undecoded (${entity}): send notification.${formFor(session.harness.markup)}, not notification.text (Slack mrkdwn)`,
    );
  }
}

export async function checkBody<O>(session: ConformanceSession<O>): Promise<void> {
  const notifications = meant(session, sampleNotifications());
  const { seen } = await deliver(session, notifications);
  const flat = normalise(seen);
  for (const notification of notifications) {
    const phrase = phraseOf(notification);
    ensure(
      flat.includes(phrase),
      `the ${notification.event.type} message lacks its body ("${phrase}" from notification.${formFor(session.harness.markup)}): send the text, not only the title`,
    );
  }
}

export async function checkLongText<O>(session: ConformanceSession<O>): Promise<void> {
  const notifications = meant(session, longSampleNotifications());
  const { items, seen } = await deliver(session, notifications);
  ensure(items.length >= notifications.length, 'a long notification was not delivered: cut it to the channel’s limit instead');
  const limit = session.harness.textLimit;
  if (limit !== undefined) {
    for (const item of items) {
      const length = limit.lengthOf(item);
      ensure(
        typeof length === 'number' && Number.isFinite(length),
        `the harness's textLimit.lengthOf must return a number, got ${typeof length}`,
      );
      ensure(
        length <= limit.max,
        `a long notification reached the channel with ${length} characters, past its limit of ${limit.max}: cut it (core's truncateText) so the channel does not reject or cut it itself`,
      );
    }
  }
  for (const notification of notifications) {
    const phrase = phraseOf(notification);
    ensure(
      normalise(seen).includes(phrase),
      `a cut ${notification.event.type} message lost its beginning ("${phrase}"): cut the end, keep the headline`,
    );
  }
}

function formFor(markup: string): string {
  return markup === 'slack' ? 'text' : markup === 'markdown' ? 'markdown' : 'plain';
}

/** JSON strings escape line breaks; HTML and Markdown wrap code in tags or backticks: compare words only. */
function normalise(text: string): string {
  return text.replace(/\\[nt]/g, ' ').replace(/\s+/g, ' ');
}

/**
 * The longest run of words in the headline of the plain text that the title does not hold:
 * present in any rendering of the body (HTML, Markdown, a card), absent when only the title is sent.
 */
function phraseOf(notification: Notification): string {
  const headline = notification.plain.split('\n')[0] ?? '';
  const runs = headline.match(/[A-Za-z][A-Za-z ]*[A-Za-z]/g) ?? [];
  const title = notification.title.toLowerCase();
  const candidates = runs.map((r) => r.trim()).filter((r) => !title.includes(r.toLowerCase()));
  return candidates.sort((a, b) => b.length - a.length)[0] ?? headline;
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}
