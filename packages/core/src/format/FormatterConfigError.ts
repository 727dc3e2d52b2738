import { MonaError } from '../errors.js';

/**
 * A formatter override or template that cannot work: an unknown key, an override that is not
 * a function, a template naming a field its event does not have. `problems` lists every one,
 * each starting with the key, so a host can report them all at once under its config path.
 *
 * @example
 * try { createFormatter({}, { deploy: '{servce}' }); }
 * catch (e) { if (e instanceof FormatterConfigError) console.error(e.problems); }
 * // ['deploy: unknown field {servce}; allowed: id, type, cluster, …']
 */
export class FormatterConfigError extends MonaError {
  readonly problems: string[];
  constructor(problems: string[]) {
    super('MONA_FORMATTER_CONFIG', `invalid formatter configuration: ${problems.join('; ')}`);
    this.name = 'FormatterConfigError';
    this.problems = problems;
  }
}
