import type { DeliveryConfig } from './types.js';

/**
 * The delivery settings of one sender: the top-level `delivery`, then the sender's own over it,
 * key by key (`group` too; a `pace` replaces the whole pace), with `null` meaning "the default" as everywhere in the config.
 *
 * @example
 * mergeDelivery({ maxAgeMs: 600000, group: { threshold: 20 } }, { group: { enabled: false } });
 * // { maxAgeMs: 600000, group: { threshold: 20, enabled: false } }
 */
export function mergeDelivery(...layers: Array<DeliveryConfig | null | undefined>): DeliveryConfig {
  const merged: Record<string, unknown> = {};
  for (const layer of layers) {
    for (const [key, value] of Object.entries(layer ?? {})) {
      if (value === null || value === undefined) continue;
      merged[key] = key === 'group' ? { ...(merged[key] as object | undefined), ...withoutNulls(value as object) } : value;
    }
  }
  return merged as DeliveryConfig;
}

function withoutNulls(value: object): object {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== null && v !== undefined));
}
