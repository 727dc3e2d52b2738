import type { SenderPlugin } from './types.js';
import { checkPluginShape } from './checkPluginShape.js';

/**
 * Declare a sender plugin: the default export of every sender package. The shape and the
 * options schema are checked here, so a broken plugin fails when it is imported, not on the
 * first notification. Throws `MonaError` `MONA_PLUGIN_INVALID`.
 *
 * @example
 * interface Options { url: string }
 * export default defineSender<Options>({
 *   name: 'webhook',
 *   optionsSchema: {
 *     type: 'object',
 *     properties: { url: { type: 'string', format: 'uri' } },
 *     required: ['url'],
 *     additionalProperties: false,
 *   },
 *   create: (options) => ({ send: async (n, signal) => { await post(options.url, n.text, signal); } }),
 * });
 */
export function defineSender<O>(plugin: SenderPlugin<O>): SenderPlugin<O> {
  const name = typeof plugin?.name === 'string' && plugin.name !== '' ? plugin.name : 'defineSender()';
  checkPluginShape(plugin, name);
  return plugin;
}
