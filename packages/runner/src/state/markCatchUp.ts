import type { Notification } from '@mona-ecs/core';

/** What a caught-up notification says, after its text. */
export const CATCH_UP_NOTE = '(seen after the fact: this happened while Mona was not running)';

/**
 * Marks a notification of the first sweep after a restart: its event happened while Mona was
 * down, so its times are when Mona saw it, not when it happened. Every sender renders `text`.
 *
 * @example
 * markCatchUp(notification).text; // ':arrows_clockwise: `api` deployment started … (seen after the fact: …)'
 */
export function markCatchUp(notification: Notification): Notification {
  return { ...notification, text: `${notification.text}\n${CATCH_UP_NOTE}` };
}
