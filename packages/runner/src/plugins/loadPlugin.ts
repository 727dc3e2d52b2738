import { checkLoadedPlugin } from '@mona-ecs/core/sender';
import type { SenderPlugin } from '@mona-ecs/core';
import { RunnerError, RunnerErrorCode } from '../errors.js';
import { importModule } from './importModule.js';
import type { ModuleRequest } from './importModule.js';

/**
 * Import a sender plugin and check its shape: the default export (unwrapped once more when a
 * CommonJS module was imported, `module.exports.default`) must have `name`, `optionsSchema`
 * (a JSON Schema that compiles) and `create`.
 *
 * @example
 * const plugin = await loadPlugin({ spec: './webhook.js', configPath: '/etc/mona/mona.json', owner: 'senders[0]' });
 */
export async function loadPlugin(request: ModuleRequest): Promise<SenderPlugin<unknown>> {
  const mod = await importModule(request);
  const where = `${request.owner} "${request.spec}"`;
  if (!('default' in mod) || mod['default'] === undefined) {
    throw new RunnerError(
      RunnerErrorCode.pluginInvalid,
      `${where} is not a sender plugin: it has no default export. ` +
        'Fix: export default defineSender({ name, optionsSchema, create }) from @mona-ecs/core',
    );
  }
  // Core's check unwraps CommonJS interop and compiles the optionsSchema (MONA_PLUGIN_INVALID).
  return checkLoadedPlugin(mod, where);
}
