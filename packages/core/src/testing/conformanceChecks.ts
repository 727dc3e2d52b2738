import { expect } from 'vitest';
import { isSenderError, type SenderError } from '../errors.js';
import type { Notification } from '../model/notification.js';
import { checkLoadedPlugin } from '../sender/checkLoadedPlugin.js';
import type { Sender, SenderPlugin } from '../sender/types.js';
import { validateSenderOptions } from '../sender/validateSenderOptions.js';
import { sampleNotifications } from './sampleNotifications.js';
import type { ChannelMode, SenderHarness } from './senderHarness.js';

/** What a check gets: the harness and a sender created from `validOptions()` (closed after the check). */
export interface ConformanceSession<O> {
  plugin: SenderPlugin<O>;
  harness: SenderHarness<O>;
  sender(): Promise<Sender>;
}

/** One behaviour every sender must have. */
export interface ConformanceCheck<O> {
  name: string;
  run(session: ConformanceSession<O>): Promise<void>;
}

/** Bound for waiting on a sender whose signal was aborted; generous, it only stops a hung check. */
const ABORT_GRACE_MS = 5_000;

/**
 * The conformance checks as plain functions (`senderConformance` registers each as a Vitest
 * test). Exposed so a test can prove a check fails for a broken sender.
 *
 * @example
 * const check = conformanceChecks(plugin, harness).find((c) => c.name.includes('rejected'))!;
 * await expect(runConformanceCheck(check, plugin, harness)).rejects.toThrow();
 */
export function conformanceChecks<O>(plugin: SenderPlugin<O>, harness: SenderHarness<O>): ConformanceCheck<O>[] {
  const checks: ConformanceCheck<O>[] = [
    { name: 'is a well-formed plugin (name, optionsSchema, create)', run: checkShape },
    { name: 'accepts its valid options', run: checkValidOptions },
    { name: 'rejects each invalid option set with a message naming the problem', run: checkInvalidOptions },
    { name: 'rejects unknown option keys', run: checkUnknownKeys },
    { name: 'delivers one notification of every event type when the channel accepts', run: checkEveryEvent },
    { name: 'classifies a server error as retryable', run: async (s) => void (await checkFailure(s, 'serverError', true)) },
    { name: 'classifies rate limiting as retryable, with retryAfterMs when the channel gave one', run: checkRateLimited },
    {
      name: 'classifies a rejected request (bad payload or auth) as not retryable',
      run: async (s) => void (await checkFailure(s, 'rejected', false)),
    },
    { name: 'closes idempotently', run: checkClose },
  ];
  if (harness.canHang !== false) checks.push({ name: 'gives up when the signal aborts a hung send', run: checkAbort });
  return checks;
}

async function checkShape<O>({ plugin }: ConformanceSession<O>): Promise<void> {
  expect(() => checkLoadedPlugin(plugin, 'plugin')).not.toThrow();
  expect(plugin.name.trim()).not.toBe('');
}

async function checkValidOptions<O>({ plugin, harness }: ConformanceSession<O>): Promise<void> {
  const options = await harness.validOptions();
  expect(() => validateSenderOptions(plugin, options)).not.toThrow();
}

async function checkInvalidOptions<O>({ plugin, harness }: ConformanceSession<O>): Promise<void> {
  expect(harness.invalidOptions.length, 'the harness must list at least one invalid option set').toBeGreaterThan(0);
  for (const { options, mentions } of harness.invalidOptions) {
    const error = thrownBy(() => validateSenderOptions(plugin, options));
    expect(error, `accepted invalid options ${JSON.stringify(options)}`).toMatchObject({ code: 'MONA_OPTIONS_INVALID' });
    expect((error as Error).message).toContain(mentions);
  }
}

async function checkUnknownKeys<O>({ plugin, harness }: ConformanceSession<O>): Promise<void> {
  const options = { ...(await harness.validOptions()), monaConformanceUnknownKey: true };
  const error = thrownBy(() => validateSenderOptions(plugin, options));
  expect(error, 'optionsSchema must set additionalProperties: false').toMatchObject({ code: 'MONA_OPTIONS_INVALID' });
  expect((error as Error).message).toContain('monaConformanceUnknownKey');
}

async function checkEveryEvent<O>({ harness, sender }: ConformanceSession<O>): Promise<void> {
  const notifications = sampleNotifications().map(deepFreeze);
  const created = await sender();
  for (const notification of notifications) await created.send(notification, new AbortController().signal);
  const delivered = await harness.delivered();
  expect(delivered.length).toBeGreaterThanOrEqual(notifications.length);
  const seen = JSON.stringify(delivered);
  for (const raw of harness.forbidden ?? []) expect(seen, 'unescaped text reached the channel').not.toContain(raw);
}

async function checkFailure<O>(session: ConformanceSession<O>, mode: ChannelMode, retryable: boolean): Promise<SenderError> {
  await session.harness.respond(mode);
  const created = await session.sender();
  const error = await rejectionOf(created.send(firstNotification(), new AbortController().signal));
  expect(isSenderError(error), `a ${mode} answer must throw a SenderError, got ${String(error)}`).toBe(true);
  const classified = error as SenderError;
  expect(classified.retryable, `a ${mode} answer must be ${retryable ? '' : 'not '}retryable`).toBe(retryable);
  expect(classified.message).not.toBe('');
  return classified;
}

async function checkRateLimited<O>(session: ConformanceSession<O>): Promise<void> {
  const error = await checkFailure(session, 'rateLimited', true);
  if (session.harness.retryAfterMs !== undefined) expect(error.retryAfterMs).toBe(session.harness.retryAfterMs);
}

async function checkClose<O>({ sender }: ConformanceSession<O>): Promise<void> {
  const created = await sender();
  await created.send(firstNotification(), new AbortController().signal);
  await expect(Promise.resolve(created.close?.())).resolves.toBeUndefined();
  await expect(Promise.resolve(created.close?.())).resolves.toBeUndefined();
}

async function checkAbort<O>({ harness, sender }: ConformanceSession<O>): Promise<void> {
  await harness.respond('hang');
  const created = await sender();
  const controller = new AbortController();
  const sending = created.send(firstNotification(), controller.signal);
  controller.abort(new Error('attempt timed out'));
  let guard: NodeJS.Timeout | undefined;
  const outcome = await Promise.race([
    sending.then(
      () => 'resolved',
      () => 'rejected',
    ),
    new Promise<string>((resolve) => (guard = setTimeout(() => resolve('still hanging'), ABORT_GRACE_MS))),
  ]);
  clearTimeout(guard);
  expect(outcome, 'send must reject once its signal is aborted').toBe('rejected');
}

function firstNotification(): Notification {
  const [first] = sampleNotifications().slice(1); // DeploymentStarted: the most common message
  if (!first) throw new Error('sampleNotifications() is empty');
  return first;
}

function thrownBy(action: () => unknown): unknown {
  try {
    action();
  } catch (error) {
    return error;
  }
  return undefined;
}

async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('send resolved, but the channel refused the notification: it must throw');
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}
