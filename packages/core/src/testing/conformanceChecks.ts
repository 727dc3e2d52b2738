import type { Notification } from '../model/notification.js';
import { checkLoadedPlugin } from '../sender/checkLoadedPlugin.js';
import type { Sender, SenderPlugin } from '../sender/types.js';
import { validateSenderOptions } from '../sender/validateSenderOptions.js';
import { ConformanceFailure, ensure } from './conformanceFailure.js';
import { checkBody, checkEntities, checkEveryEvent, checkHostileText, checkLongText } from './deliveryChecks.js';
import { checkAbort, checkNetworkErrors, checkRateLimited, checkRejections, checkSecrets, checkServerErrors } from './failureChecks.js';
import { isMonaError } from './isMonaError.js';
import { sampleNotifications } from './sampleNotifications.js';
import type { SenderHarness } from './senderHarness.js';

/** What a check gets: the harness and a sender factory (each sender is created from `validOptions()` and closed after the check). */
export interface ConformanceSession<O> {
  plugin: SenderPlugin<O>;
  harness: SenderHarness<O>;
  sender(): Promise<Sender>;
}

/** One behaviour every sender must have. `run` rejects with a `ConformanceFailure` saying what is wrong. */
export interface ConformanceCheck<O> {
  name: string;
  run(session: ConformanceSession<O>): Promise<void>;
}

/**
 * The conformance checks as plain functions, usable without any test framework
 * (`senderConformance` registers each as a Vitest test). Exposed so a test can prove that a
 * check fails for a broken sender.
 *
 * @example
 * const check = conformanceChecks(plugin, harness).find((c) => c.name.includes('rejected'))!;
 * await runConformanceCheck(check, plugin, harness); // rejects with a ConformanceFailure
 */
export function conformanceChecks<O>(plugin: SenderPlugin<O>, harness: SenderHarness<O>): ConformanceCheck<O>[] {
  const checks: ConformanceCheck<O>[] = [
    { name: 'is a well-formed plugin (name, optionsSchema, create)', run: checkShape },
    { name: 'accepts its valid options', run: checkValidOptions },
    { name: 'rejects each invalid option set with a message naming the problem', run: checkInvalidOptions },
    { name: 'rejects unknown option keys', run: checkUnknownKeys },
    { name: 'delivers one notification of every event type when the channel accepts', run: checkEveryEvent },
    { name: 'never lets hostile text become a mention, markup or reversed text', run: checkHostileText },
    { name: 'renders the form of its channel, never Slack entities elsewhere', run: checkEntities },
    { name: 'sends the message body, not only the title', run: checkBody },
    { name: 'cuts a long message to the channel’s limit and still delivers it', run: checkLongText },
    { name: 'classifies every server error as retryable', run: checkServerErrors },
    { name: 'classifies rate limiting as retryable, with the retryAfterMs the channel gave', run: checkRateLimited },
    { name: 'classifies every rejected request (bad payload or auth) as not retryable', run: checkRejections },
    { name: 'classifies network errors (refused, reset, timeout) as retryable', run: checkNetworkErrors },
    { name: 'keeps secrets from its options out of error messages', run: checkSecrets },
    { name: 'closes idempotently', run: checkClose },
  ];
  if (harness.canHang !== false) checks.push({ name: 'gives up when the signal aborts a hung send', run: checkAbort });
  if (plugin.validateOptions !== undefined) {
    checks.splice(4, 0, { name: 'validates with its precompiled validateOptions exactly as with optionsSchema', run: checkPrecompiled });
  }
  return checks;
}

async function checkShape<O>({ plugin }: ConformanceSession<O>): Promise<void> {
  checkLoadedPlugin(plugin, 'plugin');
  ensure(plugin.name.trim() !== '', 'the plugin name is blank');
}

async function checkValidOptions<O>({ plugin, harness }: ConformanceSession<O>): Promise<void> {
  const options = await harness.validOptions();
  const error = thrownBy(() => validateSenderOptions(plugin, options));
  ensure(error === undefined, `the harness's validOptions are refused: ${String(error)}`);
}

async function checkInvalidOptions<O>({ plugin, harness }: ConformanceSession<O>): Promise<void> {
  ensure(harness.invalidOptions.length > 0, 'the harness must list at least one invalid option set');
  for (const { options, mentions } of harness.invalidOptions) {
    const error = thrownBy(() => validateSenderOptions(plugin, options));
    ensure(isMonaError(error, 'MONA_OPTIONS_INVALID'), `accepted invalid options ${JSON.stringify(options)}`);
    ensure(error.message.includes(mentions), `the error for ${JSON.stringify(options)} does not mention "${mentions}": ${error.message}`);
  }
}

async function checkUnknownKeys<O>({ plugin, harness }: ConformanceSession<O>): Promise<void> {
  const options = { ...(await harness.validOptions()), monaConformanceUnknownKey: true };
  const error = thrownBy(() => validateSenderOptions(plugin, options));
  ensure(
    isMonaError(error, 'MONA_OPTIONS_INVALID') && error.message.includes('monaConformanceUnknownKey'),
    'optionsSchema must set additionalProperties: false',
  );
}

/** A stale `validateOptions` (the schema changed, the module was not regenerated) would be trusted by the host. */
async function checkPrecompiled<O>({ plugin, harness }: ConformanceSession<O>): Promise<void> {
  const compiled: SenderPlugin<O> = { ...plugin };
  delete compiled.validateOptions;
  const samples = [
    await harness.validOptions(),
    { ...(await harness.validOptions()), monaConformanceUnknownKey: true },
    ...harness.invalidOptions.map((o) => o.options),
  ];
  for (const [index, options] of samples.entries()) {
    const [precompiled, fromSchema] = [verdictOf(plugin, options), verdictOf(compiled, options)];
    const keys = typeof options === 'object' && options !== null ? Object.keys(options).join(', ') : typeof options;
    ensure(
      precompiled.whole === fromSchema.whole,
      `validateOptions and optionsSchema disagree on option set ${index} (keys ${keys}): ${precompiled.said} against ${fromSchema.said}; regenerate validateOptions from the schema`,
    );
  }
}

async function checkClose<O>({ sender }: ConformanceSession<O>): Promise<void> {
  const created = await sender();
  await created.send(sampleFirst(), new AbortController().signal);
  const results = [await Promise.resolve(created.close?.()), await Promise.resolve(created.close?.())];
  ensure(
    results.every((r) => r === undefined),
    'close() must resolve to undefined, also when called twice',
  );
}

function sampleFirst(): Notification {
  const [first] = sampleNotifications();
  if (first === undefined) throw new ConformanceFailure('sampleNotifications() is empty');
  return first;
}

/** What the host makes of `options`: compared whole (defaults included), said without values (they may be secrets). */
function verdictOf<O>(plugin: SenderPlugin<O>, options: unknown): { said: string; whole: string } {
  let accepted: O | undefined;
  const error = thrownBy(() => (accepted = validateSenderOptions(plugin, options)));
  if (error === undefined) return { said: 'accepted', whole: JSON.stringify(accepted) };
  return { said: `refused (${(error as Error).message})`, whole: (error as Error).message };
}

function thrownBy(action: () => unknown): unknown {
  try {
    action();
  } catch (error) {
    return error;
  }
  return undefined;
}
