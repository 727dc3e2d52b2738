import { accountConsoleUrl } from '../model/accountConsoleUrl.js';
import type { ConsoleAccess } from '../model/accountConsoleUrl.js';
import type { MonitorEvent } from '../model/events.js';
import type { SweepOutcome } from '../model/snapshot.js';

/**
 * Puts the sweep's account on an event the reducer made (the reducer knows clusters by name and
 * region only): the `account` and `accountId` fields, the account at the head of the `id` (two
 * `prod` clusters in two accounts must not de-duplicate each other's events) and a console link
 * that opens in that account (`accountConsoleUrl`). Without an account the event is returned
 * unchanged, so single-account ids, links and texts stay the original's.
 *
 * @example
 * stampAccount(event, { ...outcome, account: 'payments', accountId: '111111111111' });
 * // { ...event, id: 'payments/prod/api/…', account: 'payments', accountId: '111111111111', consoleUrl: … }
 */
export function stampAccount(event: MonitorEvent, outcome: SweepOutcome, access?: ConsoleAccess): MonitorEvent {
  const { account, accountId } = outcome;
  if (!account && !accountId) return event;
  const stamped: MonitorEvent = {
    ...event,
    ...(account ? { id: `${account}/${event.id}`, account } : {}),
    ...(accountId ? { accountId } : {}),
  };
  if ('consoleUrl' in stamped) stamped.consoleUrl = accountConsoleUrl(stamped.consoleUrl, accountId, access);
  return stamped;
}
