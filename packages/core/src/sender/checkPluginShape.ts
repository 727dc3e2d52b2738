import { MonaError } from '../errors.js';
import type { SenderPlugin } from './types.js';
import { checkApiVersion } from './apiVersion.js';
import { compileOptionsSchema } from './optionsAjv.js';

const FIX = 'export default defineSender({ name, optionsSchema, create }) from @mona-ecs/core';

function fail(where: string, problem: string, cause?: unknown): never {
  throw new MonaError('MONA_PLUGIN_INVALID', `${where}: ${problem}. Fix: ${FIX}`, { cause });
}

/**
 * Assert that `value` has the shape of a `SenderPlugin`, that this core hosts its `apiVersion`
 * (`MONA_PLUGIN_INCOMPATIBLE` otherwise) and that its `optionsSchema` compiles (unless the
 * plugin carries it precompiled, as `validateOptions`).
 * Shared by `defineSender` (definition time) and `checkLoadedPlugin` (load time).
 */
export function checkPluginShape(value: unknown, where: string): SenderPlugin<unknown> {
  if (typeof value !== 'object' || value === null) fail(where, `expected a sender plugin object, got ${describe(value)}`);
  const plugin = value as Partial<SenderPlugin<unknown>>;
  if (typeof plugin.name !== 'string' || plugin.name.trim() === '') fail(where, '`name` must be a non-empty string');
  if (typeof plugin.create !== 'function') fail(where, '`create` must be a function (options, context) => Sender');
  if (typeof plugin.optionsSchema !== 'object' || plugin.optionsSchema === null) {
    fail(where, '`optionsSchema` must be a JSON Schema object');
  }
  checkApiVersion(plugin.apiVersion, where);
  if (plugin.validateOptions !== undefined) {
    // Precompiled from the schema by the plugin's own build, and checked against it by its tests.
    if (typeof plugin.validateOptions !== 'function')
      fail(where, '`validateOptions`, when set, must be a standalone ajv validator function');
    return plugin as SenderPlugin<unknown>;
  }
  try {
    compileOptionsSchema(plugin.optionsSchema);
  } catch (error) {
    fail(where, `\`optionsSchema\` is not a valid JSON Schema (${(error as Error).message})`, error);
  }
  return plugin as SenderPlugin<unknown>;
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (typeof value === 'function') return 'a function';
  return typeof value;
}
