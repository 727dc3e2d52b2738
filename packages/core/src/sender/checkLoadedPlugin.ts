import { checkPluginShape } from './checkPluginShape.js';
import type { SenderPlugin } from './types.js';

/**
 * Turn what `import(name)` returned into a `SenderPlugin`: unwraps the default export (also the
 * doubled `default.default` that CommonJS interop produces) and checks `name`, `optionsSchema`
 * and `create`. `source` names the module in the error (the config's `plugin` value).
 * Throws `MonaError` `MONA_PLUGIN_INVALID` with the fix.
 *
 * @example
 * const plugin = checkLoadedPlugin(await import('@mona-ecs/sender-slack'), 'senders[0] (@mona-ecs/sender-slack)');
 */
export function checkLoadedPlugin(value: unknown, source: string): SenderPlugin<unknown> {
  return checkPluginShape(unwrapDefault(value), source);
}

function unwrapDefault(value: unknown): unknown {
  let current = value;
  // Bounded: ESM namespace → default, plus at most one CommonJS `exports.default` layer.
  for (let depth = 0; depth < 2; depth += 1) {
    if (!isObject(current) || !('default' in current) || looksLikePlugin(current)) return current;
    current = current.default;
  }
  return current;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return (typeof value === 'object' || typeof value === 'function') && value !== null;
}

function looksLikePlugin(value: Record<string, unknown>): boolean {
  return typeof value.create === 'function' && typeof value.name === 'string';
}
