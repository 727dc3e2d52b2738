import type { SenderPlugin } from '@mona/core';
import { RunnerError, RunnerErrorCode } from '../errors.js';
import { importModule } from './importModule.js';
import type { ModuleRequest } from './importModule.js';

/**
 * Import a sender plugin and check its shape: the default export (unwrapped once more when a
 * CommonJS module was imported, `module.exports.default`) must have `name`, `optionsSchema`
 * and `create`.
 *
 * @example
 * const plugin = await loadPlugin({ spec: './webhook.js', configPath: '/etc/mona/mona.json', owner: 'senders[0]' });
 */
export async function loadPlugin(request: ModuleRequest): Promise<SenderPlugin<unknown>> {
  const mod = await importModule(request);
  const candidate = unwrapDefault(mod);
  const problems = pluginProblems(candidate);
  if (problems.length > 0) {
    throw new RunnerError(
      RunnerErrorCode.pluginInvalid,
      `${request.owner} "${request.spec}" is not a sender plugin: ${problems.join('; ')}. ` +
        'A plugin module must `export default defineSender({ name, optionsSchema, create })` (from @mona/core)',
    );
  }
  return candidate as SenderPlugin<unknown>;
}

function unwrapDefault(mod: Record<string, unknown>): unknown {
  let value: unknown = mod['default'];
  if (value !== null && typeof value === 'object' && 'default' in value && !('create' in value)) {
    value = (value as { default: unknown }).default;
  }
  return value;
}

/** What is wrong with a would-be plugin; empty when it has the right shape. */
export function pluginProblems(candidate: unknown): string[] {
  if (candidate === undefined) return ['it has no default export'];
  if (candidate === null || typeof candidate !== 'object') return [`its default export is a ${typeof candidate}, not an object`];
  const plugin = candidate as Record<string, unknown>;
  const problems: string[] = [];
  if (typeof plugin['name'] !== 'string' || plugin['name'] === '') problems.push('"name" is not a non-empty string');
  if (plugin['optionsSchema'] === null || typeof plugin['optionsSchema'] !== 'object') {
    problems.push('"optionsSchema" is not a JSON Schema object');
  }
  if (typeof plugin['create'] !== 'function') problems.push('"create" is not a function');
  return problems;
}
