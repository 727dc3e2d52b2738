import { MonaError } from '../errors.js';

/**
 * The sender API this core implements. 2 added `Notification.plain`/`markdown` and
 * `SenderContext.http`/`apiVersion`; plugins written for 1 still work (they get more than they read).
 */
export const SENDER_API_VERSION = 2;
/** The oldest sender API this core still hosts. A plugin that declares none was written for 1. */
export const MIN_SENDER_API_VERSION = 1;

/**
 * Throw `MONA_PLUGIN_INCOMPATIBLE` unless a plugin written for `declared` can run on this core.
 *
 * @example
 * checkApiVersion(3, 'senders[0] "mona-sender-x"');
 * // MonaError: senders[0] "mona-sender-x" was written for sender API 3; this @mona-ecs/core hosts 1 to 2. Fix: …
 */
export function checkApiVersion(declared: unknown, where: string): void {
  if (declared === undefined) return;
  if (typeof declared !== 'number' || !Number.isInteger(declared) || declared < 1) {
    throw new MonaError(
      'MONA_PLUGIN_INVALID',
      `${where}: \`apiVersion\` must be a positive integer (the sender API it was written for, now ${SENDER_API_VERSION}), got ${JSON.stringify(declared)}`,
    );
  }
  if (declared >= MIN_SENDER_API_VERSION && declared <= SENDER_API_VERSION) return;
  const fix =
    declared > SENDER_API_VERSION
      ? 'upgrade mona-ecs and @mona-ecs/core to a release that hosts it, or install an older release of the plugin'
      : 'install a newer release of the plugin, or ask its authors to port it';
  throw new MonaError(
    'MONA_PLUGIN_INCOMPATIBLE',
    `${where} was written for sender API ${declared}; this @mona-ecs/core hosts ${MIN_SENDER_API_VERSION} to ${SENDER_API_VERSION}. Fix: ${fix}`,
  );
}
