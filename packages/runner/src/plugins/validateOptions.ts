import { Ajv } from 'ajv';
import type { SenderPlugin } from '@mona/core';
import { RunnerError, RunnerErrorCode } from '../errors.js';

// strict: false because plugins may annotate their schemas with keywords ajv does not know.
const ajv = new Ajv({ allErrors: true, strict: false });

/**
 * Validate sender options against the plugin's `optionsSchema`, reporting every error with its
 * path inside the config file (`/senders/0/options/url`).
 *
 * @example
 * validateOptions(plugin, { url: 'https://hooks.example' }, 0);
 */
export function validateOptions(plugin: SenderPlugin<unknown>, options: unknown, index: number): void {
  let validate;
  try {
    validate = ajv.compile(plugin.optionsSchema as object);
  } catch (cause) {
    throw new RunnerError(
      RunnerErrorCode.pluginInvalid,
      `senders[${index}] plugin "${plugin.name}" has an invalid optionsSchema: ${(cause as Error).message}`,
      { cause },
    );
  }
  if (validate(options)) return;
  const base = `/senders/${index}/options`;
  const lines = (validate.errors ?? []).map((e) => {
    const extra = e.keyword === 'additionalProperties' ? ` "${String(e.params['additionalProperty'])}"` : '';
    return `  ${base}${e.instancePath} ${e.message ?? e.keyword}${extra}`;
  });
  throw new RunnerError(
    RunnerErrorCode.optionsInvalid,
    `senders[${index}] options do not fit plugin "${plugin.name}":\n${lines.join('\n')}\n  see the plugin's README for its options`,
  );
}
