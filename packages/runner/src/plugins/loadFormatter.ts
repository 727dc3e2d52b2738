import { createFormatter } from '@mona-ecs/core';
import { FormatterConfigError } from '@mona-ecs/core/format';
import type { Formatter } from '@mona-ecs/core';
import type { ResolvedConfig } from '../config/types.js';
import { RunnerError, RunnerErrorCode } from '../errors.js';
import { importModule } from './importModule.js';

/**
 * Build the formatter of a config: the defaults, then `templates`, then the functions of the
 * `formatter` module (its default export, or a named `formatter` export), relative to the
 * config file. A module that cannot be imported or exports the wrong shape is
 * `MONA_FORMATTER_INVALID`.
 *
 * @example
 * const formatter = await loadFormatter(config);
 */
export async function loadFormatter(config: ResolvedConfig): Promise<Formatter> {
  const overrides = config.formatter === undefined ? {} : await importOverrides(config.formatter, config.configPath);
  try {
    return createFormatter(overrides, config.templates);
  } catch (cause) {
    if (!(cause instanceof FormatterConfigError)) throw cause;
    throw new RunnerError(
      RunnerErrorCode.formatterInvalid,
      `formatter "${config.formatter ?? ''}" / templates: ${cause.problems.join('; ')}`,
      { cause },
    );
  }
}

async function importOverrides(spec: string, configPath: string): Promise<Partial<Formatter>> {
  let mod: Record<string, unknown>;
  try {
    mod = await importModule({ spec, configPath, owner: 'formatter' });
  } catch (cause) {
    throw new RunnerError(RunnerErrorCode.formatterInvalid, `formatter: ${(cause as Error).message}`, { cause });
  }
  const overrides = mod['default'] ?? mod['formatter'];
  if (overrides === null || typeof overrides !== 'object') {
    throw new RunnerError(
      RunnerErrorCode.formatterInvalid,
      `formatter "${spec}" exports no object: write \`export default { deploy: (state) => \\\`…\\\` }\` with any formatter keys`,
    );
  }
  return overrides as Partial<Formatter>;
}
